import type { Publication } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { atomFeed } from './atom.ts';
import { declarationJson, summaryJson } from './public.ts';

const publication: Publication = {
  statementId: 'stmt_1',
  coalitionId: 'coal_1',
  coalitionName: 'Freedom Online <Coalition> & Friends',
  slug: 'rights-online-2026',
  title: 'Rights "online" & offline',
  language: 'en',
  dir: 'ltr',
  version: { seq: 3, name: 'Final', hash: 'a'.repeat(64) },
  html: '<p>Text.</p>',
  plainText: 'Text.',
  record: { callId: 'call_1', adoptedAt: Date.UTC(2026, 0, 2), procedure: { kind: 'silence' }, endorsing: [{ organisationId: 'org_1', name: 'Estonia', stance: 'silent', explanation: null }], reservations: [], explanations: [] },
  translations: [{ language: 'ar', dir: 'rtl', title: 'الحقوق', paragraphs: ['نص.'] }],
  publishedAt: Date.UTC(2026, 0, 3),
  publishedBy: { userId: 'usr_secret', organisationId: 'org_1' },
  status: 'withdrawn',
  withdrawn: { at: Date.UTC(2026, 1, 1), by: 'usr_secret', reason: 'Superseded.' },
  signOn: null,
  attestation: null,
};

describe('declarationJson', () => {
  it('carries an urgent procedure with its reason, and null for a call given its notice', () => {
    const urgent = { reason: 'The summit opens tomorrow.', requiredHours: 72 };
    const json = (p: Publication) => declarationJson({ publication: p, endorsements: [], signOnOpen: false }, 'https://hub.example');
    expect(json({ ...publication, record: { ...publication.record, urgent } }).adoption.urgent).toEqual(urgent);
    expect(json(publication).adoption.urgent).toBeNull();
  });

  it('gives the text, record, translations and endorsements, and nothing internal', () => {
    const json = declarationJson({ publication, endorsements: [{ name: 'Bits of Freedom', country: 'Netherlands', at: Date.UTC(2026, 0, 4), late: true }], signOnOpen: false }, 'https://hub.example');
    expect(json).toMatchObject({
      url: 'https://hub.example/declarations/rights-online-2026',
      status: 'withdrawn',
      withdrawn: { reason: 'Superseded.' },
      adoption: { procedure: { kind: 'silence' }, endorsing: [{ organisation: 'Estonia', stance: 'silent' }] },
      translations: [{ language: 'ar', dir: 'rtl' }],
      endorsements: [{ name: 'Bits of Freedom', country: 'Netherlands', at: '2026-01-04T00:00:00.000Z', late: true }],
    });
    // Who clicked "publish" or "withdraw" is for the audit log, not the public.
    expect(JSON.stringify(json)).not.toContain('usr_secret');
    expect(JSON.stringify(summaryJson(publication, 'https://hub.example'))).not.toContain('usr_secret');
  });

  it('links the plain text the hash is of, and gives the signed record with its key', () => {
    const attestation = { record: '{"format":"concord.adoption/1"}', signature: 'c2ln', publicKey: '-----BEGIN PUBLIC KEY-----\n…', keyId: 'b'.repeat(64) };
    const json = declarationJson({ publication: { ...publication, attestation }, endorsements: [], signOnOpen: false }, 'https://hub.example');
    expect(json.plainText).toBe('https://hub.example/declarations/rights-online-2026/export/txt');
    expect(json.signed).toEqual({ format: 'ed25519', ...attestation });
    expect(declarationJson({ publication, endorsements: [], signOnOpen: false }, 'https://hub.example').signed).toBeNull();
  });
});

describe('atomFeed', () => {
  it('escapes every text and marks a withdrawn declaration, updated when withdrawn', () => {
    const feed = atomFeed({ records: [publication], origin: 'https://hub.example', title: 'Declarations', withdrawnLabel: (t) => `Withdrawn: ${t}`, selfPath: '/declarations/feed.atom' });
    expect(feed).toContain('<title>Withdrawn: Rights &quot;online&quot; &amp; offline</title>');
    expect(feed).toContain('<name>Freedom Online &lt;Coalition&gt; &amp; Friends</name>');
    expect(feed).toContain('<updated>2026-02-01T00:00:00.000Z</updated>');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://hub.example/declarations/rights-online-2026"/>');
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
  });
});
