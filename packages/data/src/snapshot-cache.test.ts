import { describe, expect, it } from 'vitest';
import { createSnapshotCache, sharedSnapshotCache } from './snapshot-cache.ts';

const snapshot = (version: number, size: number) => ({ version, snapshotId: `attempt${version}`, bytes: new Uint8Array(size) });

describe('createSnapshotCache', () => {
  it('keeps one snapshot per document, never an older one over a newer', () => {
    const cache = createSnapshotCache();
    cache.set('d', snapshot(2, 10));
    cache.set('d', snapshot(1, 10));
    expect(cache.get('d')?.version).toBe(2);
    cache.set('d', snapshot(3, 10));
    expect(cache.get('d')?.version).toBe(3);
  });

  it('lets the least recently used go first when over its bytes', () => {
    const cache = createSnapshotCache({ maxBytes: 25 });
    cache.set('a', snapshot(1, 10));
    cache.set('b', snapshot(1, 10));
    cache.get('a');
    cache.set('c', snapshot(1, 10));
    expect([cache.get('a')?.version, cache.get('b'), cache.get('c')?.version]).toEqual([1, undefined, 1]);
  });

  it('keeps nothing larger than its bytes', () => {
    const cache = createSnapshotCache({ maxBytes: 25 });
    cache.set('huge', snapshot(1, 26));
    expect(cache.get('huge')).toBeUndefined();
  });

  it('is one cache for every store of the process', () => {
    sharedSnapshotCache().set('stmt_shared', snapshot(7, 1));
    expect(sharedSnapshotCache().get('stmt_shared')?.version).toBe(7);
  });
});
