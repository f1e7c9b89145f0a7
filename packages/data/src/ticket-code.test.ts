import { describe, expect, it } from 'vitest';
import { decodeTicket, encodeTicket, ticketHash } from './ticket-code.ts';

const bytes = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

describe('ticket text', () => {
  it('round-trips 32 bytes through 43 URL-safe characters', () => {
    const text = encodeTicket(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeTicket(text)).toEqual(bytes);
  });

  it('rejects other lengths, other alphabets and padding', () => {
    const text = encodeTicket(bytes);
    expect(decodeTicket(text.slice(1))).toBeNull();
    expect(decodeTicket(`${text}A`)).toBeNull();
    expect(decodeTicket(`${text.slice(0, 42)}+`)).toBeNull();
    expect(decodeTicket(`${text}=`)).toBeNull();
    expect(decodeTicket('')).toBeNull();
  });

  it('accepts only the canonical spelling of a ticket', () => {
    const text = encodeTicket(new Uint8Array(32));
    expect(text.endsWith('A')).toBe(true);
    expect(decodeTicket(`${text.slice(0, 42)}B`)).toBeNull();
  });

  it('refuses to encode anything but 32 bytes', () => {
    expect(() => encodeTicket(new Uint8Array(16))).toThrow(RangeError);
  });
});

describe('ticketHash', () => {
  it('is the lower-case hex SHA-256 of the bytes', () => {
    expect(ticketHash(new TextEncoder().encode('abc').subarray(0, 3))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
