import { createChunkStore, createConnectionRegistry, createDocumentStore } from '@concord/data';
import { runSeededNetwork } from '@concord/sync/testing/network';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startDynalite } from '../support/dynalite.ts';

describe('[G1, G6] the sync handlers under a seeded faulty network (dynalite)', () => {
  it.each([1, 2, 3, 4, 5, 6])('converge every replica and the store, losing no update (seed %i)', async (seed) => {
    const { client, tableName } = await startDynalite();
    const result = await runSeededNetwork({
      seed,
      stores: () => ({
        documents: createDocumentStore({ client, tableName }),
        connections: createConnectionRegistry({ client, tableName }),
        chunks: createChunkStore({ client, tableName }),
      }),
      writers: 3,
      readers: 1,
      steps: 250,
      compaction: { maxTailCount: 8, maxTailBytes: 32 * 1024 },
    });
    const storedText = result.stored.getText('text').toString();
    const storedVector = Y.decodeStateVector(Y.encodeStateVector(result.stored));
    for (const writer of result.writers) {
      expect(writer.text).toBe(storedText);
      expect(storedVector.get(writer.doc.clientID) ?? 0).toBe(Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID) ?? 0);
    }
    for (const reader of result.readers) expect(storedVector.has(reader.doc.clientID)).toBe(false);
    expect(result.writerCloses).toEqual([]);
  });
});
