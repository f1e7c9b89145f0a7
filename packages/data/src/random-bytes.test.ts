import { describe, expect, it, vi } from 'vitest';
import { pooledRandomBytes } from './random-bytes.ts';

describe('pooledRandomBytes', () => {
  it('draws from the system once a block, and never hands out the same bytes twice', () => {
    const draw = vi.spyOn(crypto, 'getRandomValues');
    try {
      const random = pooledRandomBytes(64);
      const taken = Array.from({ length: 64 }, () => random(1)[0]);
      expect(draw).toHaveBeenCalledTimes(1);
      const drawn = [...(draw.mock.results[0]!.value as Uint8Array)];
      expect(taken).toEqual(drawn);
      random(1);
      expect(draw).toHaveBeenCalledTimes(2);
    } finally {
      draw.mockRestore();
    }
  });

  it('answers requests larger than a block, each answer a copy of its own', () => {
    const random = pooledRandomBytes(8);
    expect(random(20)).toHaveLength(20);
    const a = random(4);
    const b = random(4);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.buffer.byteLength).toBe(4);
  });
});
