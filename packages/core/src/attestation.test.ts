import { describe, expect, it } from 'vitest';
import { adoptionStatement, attestationFormat, canonicalJson } from './attestation.ts';
import type { Publication } from './publication.ts';

const publication: Pick<Publication, 'coalitionId' | 'coalitionName' | 'slug' | 'title' | 'language' | 'version' | 'record' | 'publishedAt'> = {
  coalitionId: 'coal_1',
  coalitionName: 'Freedom Online Coalition',
  slug: 'joint-statement-2026',
  title: 'Joint statement',
  language: 'en',
  version: { seq: 3, name: 'Rev. 1', hash: 'a'.repeat(64) },
  publishedAt: Date.UTC(2026, 0, 2),
  record: {
    callId: 'call_1',
    adoptedAt: Date.UTC(2026, 0, 1, 12),
    procedure: { kind: 'silence' },
    endorsing: [
      { organisationId: 'org_A', name: 'Canada', stance: 'support', explanation: 'Gladly.' },
      { organisationId: 'org_B', name: 'Ghana', stance: 'silent', explanation: null },
    ],
    reservations: [{ organisationId: 'org_C', name: 'Estonia', stance: 'abstain', explanation: null }],
    explanations: [{ organisationId: 'org_A', name: 'Canada', stance: 'support', explanation: 'Gladly.' }],
  },
};

describe('adoptionStatement', () => {
  it('holds the declaration, the version hash, the outcome, the procedure and the tally, keys sorted', () => {
    const text = adoptionStatement({ publication });
    const parsed = JSON.parse(text);
    expect(parsed).toEqual({
      format: attestationFormat,
      coalition: { id: 'coal_1', name: 'Freedom Online Coalition' },
      declaration: { slug: 'joint-statement-2026', title: 'Joint statement', language: 'en', publishedAt: '2026-01-02T00:00:00.000Z' },
      version: { seq: 3, name: 'Rev. 1', sha256: 'a'.repeat(64) },
      adoption: {
        outcome: 'adopted',
        adoptedAt: '2026-01-01T12:00:00.000Z',
        procedure: { kind: 'silence' },
        tally: { support: 1, silent: 1, abstain: 1 },
        positions: [
          { organisation: 'Canada', stance: 'support' },
          { organisation: 'Ghana', stance: 'silent' },
          { organisation: 'Estonia', stance: 'abstain' },
        ],
      },
    });
    expect(text).toBe(canonicalJson(parsed));
    expect(text.startsWith('{"adoption":{"adoptedAt":')).toBe(true);
  });

  it('is the same text for the same facts, and another for another hash', () => {
    expect(adoptionStatement({ publication: structuredClone(publication) })).toBe(adoptionStatement({ publication }));
    expect(adoptionStatement({ publication: { ...publication, version: { ...publication.version, hash: 'b'.repeat(64) } } })).not.toBe(adoptionStatement({ publication }));
  });
});
