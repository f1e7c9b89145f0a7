/**
 * Secret tokens for sessions, invitations and password resets, the Lucia way: 20 random bytes
 * (160 bits) as lower-case base32 for the cookie or link, and only their SHA-256 stored, so a
 * leaked table gives nobody a working token.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export type RandomBytes = (length: number) => Uint8Array;

export const randomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** A new token: 32 characters of base32. */
export function generateToken(input: { random?: RandomBytes } = {}): string {
  return encodeBase32LowerCaseNoPadding((input.random ?? randomBytes)(20));
}

/** What is stored for a token: hex SHA-256. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Whether a string could be one of our tokens (checked before any lookup). */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z2-7]{32}$/.test(value);
}
