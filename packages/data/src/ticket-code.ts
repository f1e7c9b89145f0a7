/**
 * The text form of a WebSocket ticket and the hash it is stored under. Pure.
 * A ticket is 32 random bytes as base64url without padding (43 characters, safe in a query
 * string). Only its SHA-256 is stored, so reading the table does not yield usable tickets.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export const ticketBytes = 32;

const ticketPattern = /^[A-Za-z0-9_-]{43}$/;

export function encodeTicket(bytes: Uint8Array): string {
  if (bytes.length !== ticketBytes) throw new RangeError(`a ticket is ${ticketBytes} bytes`);
  return encodeBase64urlNoPadding(bytes);
}

/**
 * The bytes of a well-formed ticket, or null. Only the canonical spelling is accepted (the last
 * character carries 4 significant bits), so each ticket has exactly one text form.
 */
export function decodeTicket(text: string): Uint8Array | null {
  if (!ticketPattern.test(text)) return null;
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64urlIgnorePadding(text);
  } catch {
    return null;
  }
  return bytes.length === ticketBytes && encodeBase64urlNoPadding(bytes) === text ? bytes : null;
}

/** Lower-case hex SHA-256 of the ticket's bytes: its storage key. */
export function ticketHash(bytes: Uint8Array): string {
  return encodeHexLowerCase(sha256(bytes));
}
