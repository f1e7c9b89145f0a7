import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isWellFormedToken } from './tokens.ts';

describe('tokens', () => {
  it('are 160 random bits in base32, different every time', () => {
    const a = generateToken();
    expect(isWellFormedToken(a)).toBe(true);
    expect(a).not.toBe(generateToken());
    expect(generateToken({ random: (n) => new Uint8Array(n) })).toBe('a'.repeat(32));
  });

  it('are stored as hex SHA-256, the same on every host', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are recognised before any lookup, anything else refused', () => {
    for (const bad of ['', 'A'.repeat(32), 'a'.repeat(31), 'a'.repeat(33), 'a1'.repeat(16), null, 42]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });
});
