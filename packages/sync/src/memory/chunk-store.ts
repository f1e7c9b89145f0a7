/** In-memory ChunkStore with the DynamoDB one's contract: exactly one caller completes a message. */
import { fail } from '@concord/core';
import type { ChunkStore } from '../ports.ts';

interface Pending {
  count: number;
  chunks: Map<number, Uint8Array>;
  expiresAt: number;
}

export function createMemoryChunkStore(options: { pause?: () => Promise<void>; ttlMs?: number } = {}): ChunkStore {
  const pending = new Map<string, Pending>();
  const pause = options.pause ?? (() => Promise.resolve());
  const ttlMs = options.ttlMs ?? 5 * 60_000;

  return {
    async putChunk({ connectionId, messageId, index, count, data, now }) {
      await pause();
      const key = `${connectionId}\u0000${messageId}`;
      let entry = pending.get(key);
      if (entry && entry.expiresAt <= now) entry = undefined;
      entry ??= { count, chunks: new Map(), expiresAt: now + ttlMs };
      pending.set(key, entry);
      if (entry.count !== count) throw fail.input('sync.chunk-mismatch', 'chunks of one message disagree on their count');
      if (entry.chunks.has(index)) return null;
      entry.chunks.set(index, data.slice());
      await pause();
      if (entry.chunks.size !== entry.count || pending.get(key) !== entry) return null;
      pending.delete(key);
      return [...entry.chunks.entries()].sort(([a], [b]) => a - b).map(([, chunk]) => chunk);
    },
  };
}
