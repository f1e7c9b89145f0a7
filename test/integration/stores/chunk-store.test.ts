import { isDomainError } from '@concord/core';
import type { ChunkStore } from '@concord/sync';
import { describe, expect, it } from 'vitest';
import { storeFactories } from '../../support/stores.ts';

const chunk = (text: string) => new TextEncoder().encode(text);
const texts = (chunks: Uint8Array[] | null) => chunks?.map((c) => new TextDecoder().decode(c)) ?? null;

function putter(store: ChunkStore, base: { connectionId?: string; messageId?: string; count?: number; now?: number } = {}) {
  return (index: number, overrides: { count?: number; now?: number; data?: string } = {}) =>
    store.putChunk({
      connectionId: base.connectionId ?? 'conn',
      messageId: base.messageId ?? 'm1',
      index,
      count: overrides.count ?? base.count ?? 3,
      data: chunk(overrides.data ?? `part${index}`),
      now: overrides.now ?? base.now ?? 1_000,
    });
}

describe.each(storeFactories)('[DC7] ChunkStore ($name)', (factory) => {
  it('hands the whole message, in index order, to the caller whose chunk completes it', async () => {
    const put = putter(await factory.chunks());
    expect(await put(2)).toBeNull();
    expect(await put(0)).toBeNull();
    expect(texts(await put(1))).toEqual(['part0', 'part1', 'part2']);
  });

  it('completes a message exactly once when every chunk arrives at the same time', async () => {
    const put = putter(await factory.chunks(), { count: 6 });
    const results = await Promise.all([5, 3, 1, 0, 2, 4].map((index) => put(index)));
    const completed = results.filter((r) => r !== null);
    expect(completed).toHaveLength(1);
    expect(texts(completed[0]!)).toEqual(['part0', 'part1', 'part2', 'part3', 'part4', 'part5']);
  });

  it('ignores a duplicate chunk, even one that arrives with the last chunk', async () => {
    const put = putter(await factory.chunks());
    expect(await put(0)).toBeNull();
    expect(await put(0, { data: 'again' })).toBeNull();
    expect(await put(1)).toBeNull();
    const results = await Promise.all([put(2), put(2)]);
    expect(results.filter((r) => r !== null).map(texts)).toEqual([['part0', 'part1', 'part2']]);
  });

  it('refuses a chunk whose count disagrees with its message', async () => {
    const put = putter(await factory.chunks());
    await put(0, { count: 3 });
    const error = await put(1, { count: 2 }).then(() => null, (e: unknown) => e);
    expect(isDomainError(error) && error.kind === 'input' && error.code === 'sync.chunk-mismatch').toBe(true);
    expect(await put(1, { count: 3 })).toBeNull();
    expect(texts(await put(2, { count: 3 }))).toEqual(['part0', 'part1', 'part2']);
  });

  it('keeps messages of different connections and message ids apart', async () => {
    const store = await factory.chunks();
    const a = putter(store, { connectionId: 'connA', messageId: 'm1', count: 2 });
    const b = putter(store, { connectionId: 'connB', messageId: 'm1', count: 2 });
    const c = putter(store, { connectionId: 'connA', messageId: 'm2', count: 2 });
    expect(await a(0, { data: 'a0' })).toBeNull();
    expect(await b(1, { data: 'b1' })).toBeNull();
    expect(await c(0, { data: 'c0' })).toBeNull();
    expect(texts(await b(0, { data: 'b0' }))).toEqual(['b0', 'b1']);
    expect(texts(await a(1, { data: 'a1' }))).toEqual(['a0', 'a1']);
  });

  it('starts over when a message expired before it was complete', async () => {
    const put = putter(await factory.chunks({ ttlMs: 1_000 }), { count: 2 });
    expect(await put(0, { now: 1_000, data: 'stale0' })).toBeNull();
    expect(await put(1, { now: 2_000, data: 'fresh1' })).toBeNull();
    expect(texts(await put(0, { now: 2_500, data: 'fresh0' }))).toEqual(['fresh0', 'fresh1']);
  });

  it('starts a new message with the same id after one completed', async () => {
    const put = putter(await factory.chunks(), { count: 2 });
    await put(0);
    expect(texts(await put(1))).toEqual(['part0', 'part1']);
    expect(await put(1, { data: 'late duplicate' })).toBeNull();
    expect(texts(await put(0, { data: 'next0' }))).toEqual(['next0', 'late duplicate']);
  });
});
