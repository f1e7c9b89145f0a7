import { generateSigningKey, signMessage, signingKeyId, verifySignature } from '@concord/auth';
import { adoptionStatement, isDomainError, type Publication } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { proofFile, proofOf } from './proof.ts';

function signedPublication(): Publication {
  const base: Publication = {
    statementId: 'stmt_1',
    coalitionId: 'coal_1',
    coalitionName: 'Freedom Online Coalition',
    slug: 'rights-online-2026',
    title: 'Rights online',
    language: 'en',
    dir: 'ltr',
    version: { seq: 3, name: 'Final', hash: 'a'.repeat(64) },
    html: '<p>Text.</p>',
    plainText: 'Text.',
    record: { callId: 'call_1', adoptedAt: Date.UTC(2026, 0, 2), procedure: { kind: 'silence' }, endorsing: [], reservations: [], explanations: [] },
    translations: [],
    publishedAt: Date.UTC(2026, 0, 3),
    publishedBy: { userId: 'usr_1', organisationId: 'org_1' },
    status: 'published',
    withdrawn: null,
    signOn: null,
    attestation: null,
  };
  const key = generateSigningKey();
  const record = adoptionStatement({ publication: base });
  const signature = signMessage({ privateKey: key.privateKey, message: new TextEncoder().encode(record) });
  return { ...base, attestation: { record, signature, publicKey: key.publicKey, keyId: signingKeyId(key.publicKey) } };
}

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (caught) {
    if (isDomainError(caught)) return caught.code;
    throw caught;
  }
  return null;
};

describe('proof files of a declaration', () => {
  it('serve the signed bytes, the raw signature and the key: they verify together', () => {
    const publication = signedPublication();
    const record = proofFile({ publication, file: 'adoption.json' });
    const signature = proofFile({ publication, file: 'adoption.sig' });
    const key = proofFile({ publication, file: 'key.pem' });
    expect(record.filename).toBe('rights-online-2026-adoption.json');
    expect(signature.body.byteLength).toBe(64);
    const publicKey = new TextDecoder().decode(key.body);
    expect(verifySignature({ publicKey, message: record.body, signature: Buffer.from(signature.body).toString('base64') })).toBe(true);
    const changed = record.body.slice();
    changed[10] = (changed[10] ?? 0) ^ 1;
    expect(verifySignature({ publicKey, message: changed, signature: Buffer.from(signature.body).toString('base64') })).toBe(false);
  });

  it('refuse another name, and every file of an unsigned declaration', () => {
    const publication = signedPublication();
    expect(codeOf(() => proofFile({ publication, file: 'private.pem' }))).toBe('publication.proof-not-found');
    expect(codeOf(() => proofFile({ publication: { ...publication, attestation: null }, file: 'key.pem' }))).toBe('publication.proof-not-found');
  });

  it('name the commands that check them, with the files as downloaded', () => {
    const proof = proofOf(signedPublication());
    expect(proof.text).toEqual({ href: '/declarations/rights-online-2026/export/txt', filename: 'rights-online-final.txt', command: 'sha256sum rights-online-final.txt' });
    expect(proof.signature?.command).toBe(
      'openssl pkeyutl -verify -pubin -inkey rights-online-2026-key.pem -rawin -in rights-online-2026-adoption.json -sigfile rights-online-2026-adoption.sig',
    );
    expect(proofOf({ ...signedPublication(), attestation: null }).signature).toBeNull();
  });
});
