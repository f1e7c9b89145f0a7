import { describe, expect, it } from 'vitest';
import { joinBytes, maxPartBytes, splitBytes } from './parts.ts';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31) % 251);

describe('splitBytes', () => {
  it('keeps a small input in one part', () => {
    const input = bytes(10);
    expect(splitBytes({ bytes: input })).toEqual([input]);
  });

  it('splits a 700 KB input into parts under the item limit that join back to the input', () => {
    const input = bytes(700 * 1024);
    const parts = splitBytes({ bytes: input });
    expect(parts).toHaveLength(3);
    expect(parts.every((part) => part.length <= maxPartBytes)).toBe(true);
    expect(joinBytes(parts)).toEqual(input);
    // Comparing 700 KB element by element takes ~4 s alone: more than the 5 s default on a busy CI machine.
  }, 30_000);

  it('splits at exact multiples without an empty trailing part', () => {
    expect(splitBytes({ bytes: bytes(12), partBytes: 4 }).map((p) => p.length)).toEqual([4, 4, 4]);
    expect(splitBytes({ bytes: bytes(13), partBytes: 4 }).map((p) => p.length)).toEqual([4, 4, 4, 1]);
  });

  it('gives one empty part for an empty input', () => {
    expect(splitBytes({ bytes: new Uint8Array(0) })).toEqual([new Uint8Array(0)]);
  });

  it('refuses a part size that is not a positive integer', () => {
    expect(() => splitBytes({ bytes: bytes(3), partBytes: 0 })).toThrow(RangeError);
  });
});
