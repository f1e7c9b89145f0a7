import { createHash } from 'node:crypto';
import { createSecretBox, generateSecretKey, verifySignature } from '@concord/auth';
import { canonicalTextOfState } from '@concord/text';
import { publish } from '@concord/publication';
import { createCoalitionKeys } from '@concord/data/coalition-keys';
import { describe, expect, it } from 'vitest';
import { publicationWorld } from './setup.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('the signed adoption record', () => {
  it('is signed at publication with the coalition key: it verifies, and one byte changed does not', async () => {
    const world = await publicationWorld();
    const statement = await world.statement();
    const call = await world.adopt(statement);
    const published = await publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now: Date.UTC(2026, 2, 1) });
    const stored = await world.ports.publications.bySlug(published.slug);
    const attestation = stored?.attestation;
    if (!attestation) throw new Error('no attestation stored');
    const key = await world.ports.keys.publicKey('coal_PUB');
    expect(attestation.publicKey).toBe(key?.publicKey);
    expect(attestation.keyId).toBe(key?.keyId);
    const record = JSON.parse(attestation.record);
    expect(record).toMatchObject({
      declaration: { slug: published.slug, title: statement.title },
      version: { seq: call.version.seq, sha256: call.version.hash },
      adoption: { outcome: 'adopted', procedure: { kind: 'silence' }, tally: { silent: 1 } },
    });
    // The hash signed is the hash of the adopted text, as the plain-text download gives it.
    const version = await world.ports.versions.get({ docId: statement.id, seq: call.version.seq });
    expect(createHash('sha256').update(canonicalTextOfState({ state: version!.state })).digest('hex')).toBe(record.version.sha256);
    const bytes = encode(attestation.record);
    expect(verifySignature({ publicKey: key!.publicKey, message: bytes, signature: attestation.signature })).toBe(true);
    const tampered = encode(attestation.record.replace(call.version.hash, `${call.version.hash.slice(0, -1)}${call.version.hash.endsWith('0') ? '1' : '0'}`));
    expect(tampered).not.toEqual(bytes);
    expect(verifySignature({ publicKey: key!.publicKey, message: tampered, signature: attestation.signature })).toBe(false);
  });

  it('makes one key per coalition, when first needed, and signs every declaration with it', async () => {
    const world = await publicationWorld();
    expect(await world.ports.keys.publicKey('coal_PUB')).toBeNull();
    const [a, b] = [await world.statement(), await world.statement()];
    await world.adopt(a);
    await world.adopt(b);
    const first = await publish({ ports: world.ports, actor: world.people.chair, statementId: a.id, now: Date.now() });
    const second = await publish({ ports: world.ports, actor: world.people.chair, statementId: b.id, now: Date.now() });
    expect(first.attestation?.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(second.attestation?.keyId).toBe(first.attestation?.keyId);
  });

  it('keeps one key when two first signatures race', async () => {
    const world = await publicationWorld({ jitterMs: 5 });
    const keys = createCoalitionKeys({ ...world.dynamo, secretBox: world.secretBox });
    const signed = await Promise.all([1, 2, 3].map(() => keys.sign({ coalitionId: 'coal_RACE', message: encode('m'), now: 1 })));
    expect(new Set(signed.map((s) => s.key.keyId)).size).toBe(1);
    for (const s of signed) expect(verifySignature({ publicKey: s.key.publicKey, message: encode('m'), signature: s.signature })).toBe(true);
  });

  it('stores the private key sealed with the server secret: another secret cannot sign with it', async () => {
    const world = await publicationWorld();
    const sealed: Uint8Array[] = [];
    const box = { ...world.secretBox, seal: (plain: Uint8Array) => (sealed.push(plain), world.secretBox.seal(plain)) };
    const keys = createCoalitionKeys({ ...world.dynamo, secretBox: box });
    const { key } = await keys.sign({ coalitionId: 'coal_SEALED', message: encode('m'), now: 1 });
    expect(sealed.map((plain) => plain.byteLength)).toEqual([48]);
    expect(await keys.publicKey('coal_SEALED')).toEqual(key);
    const otherSecret = createCoalitionKeys({ ...world.dynamo, secretBox: await createSecretBox({ keyBase64: generateSecretKey() }) });
    await expect(otherSecret.sign({ coalitionId: 'coal_SEALED', message: encode('m'), now: 2 })).rejects.toThrow();
  });
});
