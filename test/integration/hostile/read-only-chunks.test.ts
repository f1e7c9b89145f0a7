/**
 * Hostile input (issue 12, item 6): a read-only connection sending chunk frames. A reader has no
 * message large enough to need chunks, so its first chunk closes it and nothing is stored.
 */
import { CloseCode, createSyncHandlers, encodeMessage, encodeUpdate, type ChunkStore } from '@concord/sync';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from '@concord/sync/memory';
import { describe, expect, it } from 'vitest';
import { testPrincipal } from '../../support/clients.ts';

describe('[G8] a writer that starts chunked messages and never finishes them', () => {
  it('is closed once it holds more than one large message’s worth, with nothing more stored', async () => {
    let stored = 0;
    const memory = createMemoryChunkStore();
    const chunks: ChunkStore = { putChunk: async (input) => ((stored += input.data.length), memory.putChunk(input)) };
    const handlers = createSyncHandlers({
      documents: createMemoryDocumentStore(),
      connections: createMemoryConnectionRegistry(),
      chunks,
      gateway: { post: async () => 'ok', close: async () => {} },
      budget: false,
    });
    await handlers.connect({ connectionId: 'writer', docId: 'stmt_flood', principal: testPrincipal('writer'), access: 'write' });
    let outcome: unknown = 'pending-chunks';
    let sent = 0;
    // The first chunk of one 100 KB message after another, never the rest.
    while (outcome === 'pending-chunks' && sent < 1_000) {
      const [first] = encodeMessage({ data: encodeUpdate(new Uint8Array(100_000).fill(sent % 250)), messageId: `m${sent}` });
      outcome = await handlers.message({ connectionId: 'writer', frame: first });
      sent += 1;
    }
    expect(outcome).toEqual({ closed: CloseCode.tooLarge, reason: 'sync.incomplete-too-large' });
    expect(stored).toBeLessThanOrEqual(4 * 1024 * 1024 + 24_000);
  });
});

describe('[G2, G8] a read-only connection sending chunks', () => {
  it('is closed on its first chunk, with nothing stored', async () => {
    const stored: unknown[] = [];
    const memory = createMemoryChunkStore();
    const chunks: ChunkStore = { putChunk: async (input) => (stored.push(input.messageId), memory.putChunk(input)) };
    const closed: number[] = [];
    const handlers = createSyncHandlers({
      documents: createMemoryDocumentStore(),
      connections: createMemoryConnectionRegistry(),
      chunks,
      gateway: { post: async ({ frame }) => (frame.startsWith('e') && closed.push(Number(frame.slice(1, 5))), 'ok'), close: async () => {} },
    });
    await handlers.connect({ connectionId: 'observer', docId: 'stmt_flood', principal: testPrincipal('observer', 'observer'), access: 'read' });
    const frames = encodeMessage({ data: encodeUpdate(new Uint8Array(100_000).fill(7)), messageId: 'flood' });

    const outcome = await handlers.message({ connectionId: 'observer', frame: frames[0] });

    expect(outcome).toEqual({ closed: CloseCode.badFrame, reason: 'sync.read-only-chunks' });
    expect(closed).toEqual([CloseCode.badFrame]);
    expect(stored).toEqual([]);
    // Its later frames meet a connection that is gone.
    expect(await handlers.message({ connectionId: 'observer', frame: frames[1] })).toEqual({ closed: CloseCode.unauthorized, reason: 'sync.connection-unknown' });
    expect(stored).toEqual([]);
  });
});
