import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from './memory/index.ts';
import { runSeededNetwork } from './testing/network.ts';

/**
 * `inMemory`: the local gateway's registry (early fan-out) or a store registry's path; `roomRead`:
 * Lambda's store, the freeze checked by the room's read with the head after the write.
 */
const storesWith =
  (inMemory: boolean, roomRead = false) =>
  ({ pause }: { pause: () => Promise<void> }) => {
    const documents = createMemoryDocumentStore({ pause, ...(roomRead ? { freezeCheck: 'room-read' as const } : {}) });
    return {
      documents,
      connections: createMemoryConnectionRegistry({ pause, inMemory, ...(roomRead ? { heads: documents.head } : {}) }),
      chunks: createMemoryChunkStore({ pause }),
    };
  };
const memoryStores = storesWith(true);

const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

describe.each([
  ['the local gateway’s registry', true, false],
  ['a store registry', false, false],
  ['a store registry reading the head (Lambda’s room-read)', false, true],
])('[G1, G6] the sync handlers under a seeded faulty network (in memory, %s)', (_, inMemory, roomRead) => {
  it.each(seeds)('converge every replica and the store, losing no update (seed %i)', async (seed) => {
    const result = await runSeededNetwork({
      seed,
      stores: storesWith(inMemory, roomRead),
      writers: 4,
      readers: 2,
      steps: 400,
      // Tiny thresholds, so compactions race with writes all the time.
      compaction: { maxTailCount: 5, maxTailBytes: 16 * 1024 },
    });
    const storedText = result.stored.getText('text').toString();
    const storedVector = Y.decodeStateVector(Y.encodeStateVector(result.stored));
    for (const writer of result.writers) {
      expect(writer.text).toBe(storedText);
      // Everything the writer ever wrote is in the store.
      expect(storedVector.get(writer.doc.clientID) ?? 0).toBe(Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID) ?? 0);
    }
    for (const reader of result.readers) {
      // Readers also typed: none of it may reach the store, yet they see everything stored.
      expect(storedVector.has(reader.doc.clientID)).toBe(false);
      expect(Y.encodeStateVector(reader.doc).length).toBeGreaterThan(0);
    }
    expect(result.writerCloses).toEqual([]);
  });
});

describe('the seeded faulty network', () => {
  it('exercises the faults it claims to (across all seeds)', async () => {
    const totals = { duplicated: 0, dropped: 0, compactions: 0, largePastes: 0 };
    for (const seed of seeds.slice(0, 10)) {
      const { faults } = await runSeededNetwork({ seed, stores: memoryStores, writers: 3, readers: 1, steps: 400 });
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += faults[key];
    }
    expect(totals.duplicated).toBeGreaterThan(10);
    expect(totals.dropped).toBeGreaterThan(10);
    expect(totals.compactions).toBeGreaterThan(10);
    expect(totals.largePastes).toBeGreaterThan(0);
  });
});
