import { describe, expect, it } from 'vitest';
import { generateSigningKey, signingKeyId, signMessage, verifySignature } from './signing-keys.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('Ed25519 signing keys', () => {
  const key = generateSigningKey();
  const message = encode('{"format":"concord.adoption/1","version":{"sha256":"ab"}}');
  const signature = signMessage({ privateKey: key.privateKey, message });

  it('signs a message that verifies with the published key', () => {
    expect(key.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifySignature({ publicKey: key.publicKey, message, signature })).toBe(true);
  });

  it('refuses the message with any one byte changed, and another key', () => {
    for (let index = 0; index < message.length; index += 7) {
      const changed = message.slice();
      changed[index] = (changed[index] ?? 0) ^ 1;
      expect(verifySignature({ publicKey: key.publicKey, message: changed, signature }), `byte ${index}`).toBe(false);
    }
    expect(verifySignature({ publicKey: generateSigningKey().publicKey, message, signature })).toBe(false);
  });

  it('answers false, not an error, for a malformed key or signature', () => {
    expect(verifySignature({ publicKey: 'not a key', message, signature })).toBe(false);
    expect(verifySignature({ publicKey: key.publicKey, message, signature: 'AAAA' })).toBe(false);
  });

  it('names a key by the SHA-256 of its DER', () => {
    expect(signingKeyId(key.publicKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(signingKeyId(key.publicKey)).not.toBe(signingKeyId(generateSigningKey().publicKey));
  });
});
