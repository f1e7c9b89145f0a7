/**
 * The engine's own promises (PROTOCOL.md §3, "An update: admitted, fanned out, then acknowledged"),
 * over both registries: the local gateway's (in memory: early fan-out) and a store's (after the write).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeMessages } from './frames.ts';
import { createFreezeFence } from './freeze-fence.ts';
import { createSyncHandlers } from './handlers.ts';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from './memory/index.ts';
import type { DocumentStore } from './ports.ts';
import { awarenessMessage, createRecordingGateway, frameOf, principalFor, syncStep1Message, syncStep2Message, textOf, updateMessage, updateWithText } from './testing/fixtures.ts';

const docId = 'stmt_engine';

/** `roomRead`: Lambda's store, whose freeze is checked by the room's read with the head after the write. */
function engine(input: { inMemory: boolean; roomRead?: boolean; documents?: (store: DocumentStore) => DocumentStore }) {
  const store = createMemoryDocumentStore(input.roomRead ? { freezeCheck: 'room-read' } : {});
  const connections = createMemoryConnectionRegistry({ inMemory: input.inMemory, ...(input.roomRead ? { heads: store.head } : {}) });
  const gateway = createRecordingGateway();
  const handlers = createSyncHandlers({
    documents: input.documents?.(store) ?? store,
    connections,
    chunks: createMemoryChunkStore(),
    gateway,
  });
  const connect = (connectionId: string) => handlers.connect({ connectionId, docId, principal: principalFor(connectionId), access: 'write' });
  const send = (connectionId: string, data: Uint8Array) => handlers.message({ connectionId, frame: frameOf(data) });
  const updatesTo = (connectionId: string) => gateway.messagesTo(connectionId).filter((m) => m.type === 'update');
  return { store, connections, gateway, handlers, connect, send, updatesTo };
}

describe.each([
  ['the local gateway’s registry', true, false],
  ['a store registry', false, false],
  ['a store registry reading the head: Lambda’s room-read freeze check', false, true],
])('the update path (%s)', (_, inMemory, roomRead) => {
  it('never passes on an update the freeze refused', async () => {
    const { store, connect, send, updatesTo, gateway } = engine({ inMemory, roomRead });
    await connect('w1');
    await connect('w2');
    await store.freeze({ docId, by: 'call_1' });

    expect(await send('w1', updateMessage(updateWithText('late words', 1)))).toBe('refused-frozen');

    expect(updatesTo('w2')).toEqual([]);
    expect(gateway.messagesTo('w1').map((m) => m.type)).toContain('permission-denied');
    expect((await store.load({ docId })).updates).toEqual([]);
  });

  it('does not acknowledge an update whose write failed after it was shown, and stores it when the writer comes back', async () => {
    let failNext = true;
    const { store, connect, send, handlers, updatesTo, gateway } = engine({
      inMemory,
      roomRead,
      documents: (inner) => ({
        ...inner,
        async appendUpdate(input) {
          if (!failNext) return inner.appendUpdate(input);
          failNext = false;
          // Admitted (shown to others, on the in-memory path), then the write dies.
          input.admitted?.();
          throw new Error('the store went away');
        },
      }),
    });
    await connect('w1');
    await connect('w2');
    const writer = new Y.Doc();
    writer.clientID = 7;
    writer.getText('text').insert(0, 'We affirm.');
    const update = Y.encodeStateAsUpdate(writer);

    // One frame: the edit and the awareness change that would tell the editor "saved".
    const [frame] = encodeMessages({ messages: [updateMessage(update), awarenessMessage([{ clientId: 7, clock: 1, state: { cursor: 1 } }])], newMessageId: () => 'x' });
    const outcome = await handlers.message({ connectionId: 'w1', frame: frame! });

    expect(outcome).toEqual({ closed: 4500, reason: 'sync.internal-error' });
    expect(gateway.messagesTo('w1').filter((m) => m.type === 'awareness')).toEqual([]);
    expect((await store.load({ docId })).updates).toEqual([]);
    expect(updatesTo('w2')).toHaveLength(inMemory ? 1 : 0);

    // The writer reconnects: the server's sync step 1 asks for what it lacks, and it uploads it.
    await connect('w1b');
    await send('w1b', syncStep1Message(writer));
    await send('w1b', syncStep2Message(writer));
    expect(textOf(...(await store.load({ docId })).updates.map((u) => u.update))).toBe('We affirm.');
  });

  it('sends an update to a joiner that registered while it was being written', async () => {
    let joinDuringWrite: (() => Promise<void>) | null = null;
    const { connect, send, updatesTo } = engine({
      inMemory,
      roomRead,
      documents: (inner) => ({
        ...inner,
        async appendUpdate(input) {
          const tail = await inner.appendUpdate({
            ...input,
            // The joiner registers after admission (and after any early fan-out), before the write lands.
            admitted: () => {
              input.admitted?.();
            },
          });
          await joinDuringWrite?.();
          return tail;
        },
      }),
    });
    await connect('w1');
    joinDuringWrite = async () => {
      joinDuringWrite = null;
      await connect('joiner');
    };
    await send('w1', updateMessage(updateWithText('racing words', 1)));
    expect(updatesTo('joiner')).toHaveLength(1);
  });
});

describe('the update path with Lambda’s room-read freeze check', () => {
  it('takes back an update a freeze caught between its write and the room read, and shows it to nobody', async () => {
    let freezeDuringWrite = false;
    const { store, connect, send, updatesTo, gateway } = engine({
      inMemory: false,
      roomRead: true,
      documents: (inner) => ({
        ...inner,
        async appendUpdate(input) {
          const stored = await inner.appendUpdate(input);
          // The call freezes the text after the item landed, before the room is read.
          if (freezeDuringWrite) await inner.freeze({ docId, by: 'call_1' });
          return stored;
        },
      }),
    });
    await connect('w1');
    await connect('w2');
    expect(await send('w1', updateMessage(updateWithText('before the call', 1)))).toBe('handled');
    freezeDuringWrite = true;

    expect(await send('w1', updateMessage(updateWithText('caught by the freeze', 2)))).toBe('refused-frozen');

    expect(updatesTo('w2')).toHaveLength(1);
    expect(gateway.messagesTo('w1').map((m) => m.type)).toContain('permission-denied');
    expect(textOf(...(await store.load({ docId })).updates.map((u) => u.update))).toBe('before the call');
  });

  it('adds an author to the head only when the room read shows it missing', async () => {
    const { store, connect, send } = engine({ inMemory: false, roomRead: true });
    let added = 0;
    const addAuthor = store.addAuthor!;
    store.addAuthor = async (input) => ((added += 1), addAuthor(input));
    await connect('w1');
    for (let i = 1; i <= 3; i++) expect(await send('w1', updateMessage(updateWithText(`words ${i}`, i)))).toBe('handled');

    expect(added).toBe(1);
    expect(await store.takeAuthors({ docId })).toEqual([`${principalFor('w1').userId} ${principalFor('w1').organisationId}`]);
    expect(await send('w1', updateMessage(updateWithText('after the version', 4)))).toBe('handled');
    expect(added).toBe(2);
  });

  it('refuses a server change to a frozen text and keeps nothing of it', async () => {
    const { store, handlers, connect, updatesTo } = engine({ inMemory: false, roomRead: true });
    await connect('w1');
    await store.freeze({ docId, by: 'call_1' });
    await expect(handlers.broadcastUpdate({ docId, update: updateWithText('accepted amendment', 1), author: 'u o' })).rejects.toMatchObject({ code: 'sync.document-frozen' });
    expect(updatesTo('w1')).toEqual([]);
    expect((await store.load({ docId })).updates).toEqual([]);
  });
});

describe('the update path behind a freeze fence (the local host on a store it owns)', () => {
  it('shows an update before its write once the text is known open, never acknowledging one whose write then fails', async () => {
    let failing = false;
    const fence = createFreezeFence();
    const { store, connect, send, handlers, updatesTo, gateway } = engine({
      inMemory: true,
      documents: (inner) =>
        fence.admitting({
          ...inner,
          async appendUpdate(input) {
            if (failing) throw new Error('the store went away');
            return inner.appendUpdate(input);
          },
        }),
    });
    await connect('w1');
    await connect('w2');
    const writer = new Y.Doc();
    writer.clientID = 7;
    writer.getText('text').insert(0, 'We affirm');
    expect(await send('w1', updateMessage(Y.encodeStateAsUpdate(writer)))).toBe('handled');

    failing = true;
    const before = Y.encodeStateVector(writer);
    writer.getText('text').insert(9, '.');
    const [frame] = encodeMessages({
      messages: [updateMessage(Y.encodeStateAsUpdate(writer, before)), awarenessMessage([{ clientId: 7, clock: 1, state: { cursor: 10 } }])],
      newMessageId: () => 'x',
    });
    expect(await handlers.message({ connectionId: 'w1', frame: frame! })).toEqual({ closed: 4500, reason: 'sync.internal-error' });
    // Shown to the peer before the write (the fence knew the text open), never acknowledged.
    expect(updatesTo('w2')).toHaveLength(2);
    expect(gateway.messagesTo('w1').filter((m) => m.type === 'awareness')).toEqual([]);
    expect(textOf(...(await store.load({ docId })).updates.map((u) => u.update))).toBe('We affirm');

    failing = false;
    await connect('w1b');
    await send('w1b', syncStep1Message(writer));
    await send('w1b', syncStep2Message(writer));
    expect(textOf(...(await store.load({ docId })).updates.map((u) => u.update))).toBe('We affirm.');
  });
});

describe('identity from the connection’s context', () => {
  it('handles a message without reading the registry, and refuses a context past its expiry', async () => {
    const { connections, handlers, updatesTo, connect } = engine({ inMemory: true });
    await connect('peer');
    let reads = 0;
    const get = connections.get;
    connections.get = async (input) => ((reads += 1), get(input));
    const connection = { docId, principal: principalFor('w1'), access: 'write' as const, sessionId: null, connectedAt: Date.now() };

    expect(await handlers.message({ connectionId: 'w1', frame: frameOf(updateMessage(updateWithText('hi', 1))), connection })).toBe('handled');
    expect(reads).toBe(0);
    expect(updatesTo('peer')).toHaveLength(1);

    const stale = { ...connection, connectedAt: Date.now() - 3 * 60 * 60_000 };
    expect(await handlers.message({ connectionId: 'w1', frame: frameOf(updateMessage(updateWithText('more', 2))), connection: stale })).toEqual({
      closed: 4401,
      reason: 'sync.connection-unknown',
    });
  });
});
