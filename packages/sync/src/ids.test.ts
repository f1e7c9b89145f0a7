import { describe, expect, it } from 'vitest';
import { createIds } from './ids.ts';

describe('createIds', () => {
  it('makes ids that fit a chunk header (16 base36 characters) and never repeat, within one instance or across two', () => {
    const [a, b] = [createIds(), createIds()];
    const ids = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? a() : b()));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z0-9]{11,16}$/.test(id))).toBe(true);
  });
});

