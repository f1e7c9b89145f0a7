/**
 * Encrypts small secrets (TOTP keys) at rest with AES-256-GCM under the server's key, so a copy
 * of the table alone does not let anyone generate a person's codes. Web Crypto only.
 */
import type { EncryptedSecret } from '@concord/core';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { randomBytes } from './tokens.ts';

export interface SecretBox {
  seal(plain: Uint8Array): Promise<EncryptedSecret>;
  open(sealed: EncryptedSecret): Promise<Uint8Array>;
}

/** A box for a 32-byte key given as base64 (`CONCORD_SECRET_KEY`). */
export async function createSecretBox(input: { keyBase64: string }): Promise<SecretBox> {
  const raw = new Uint8Array(decodeBase64(input.keyBase64));
  if (raw.length !== 32) throw new Error('the secret key must be 32 bytes, base64-encoded');
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return {
    async seal(plain) {
      const iv = new Uint8Array(randomBytes(12));
      const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(plain)));
      return { iv: encodeBase64(iv), data: encodeBase64(data) };
    },
    async open(sealed) {
      const iv = new Uint8Array(decodeBase64(sealed.iv));
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(decodeBase64(sealed.data)));
      return new Uint8Array(plain);
    },
  };
}

/** A fresh key for `CONCORD_SECRET_KEY`. */
export function generateSecretKey(): string {
  return encodeBase64(randomBytes(32));
}
