import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CompactionSettings } from './compaction.ts';
import { CHUNK_MAX_COUNT, CloseCode, encodeMessage, FRAME_MAX_BYTES, MESSAGE_MAX_BYTES } from './frames.ts';
import { createSyncHandlers, type SyncLogEntry } from './handlers.ts';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from './memory/index.ts';
import type { ConnectionAccess, ConnectionRegistry, DocumentStore, UpdateGuard } from './ports.ts';
import {
  awarenessMessage,
  createRecordingGateway,
  decodesButDoesNotApply,
  docWithText,
  frameOf,
  principalFor,
  queryAwarenessMessage,
  sameBytes,
  syncStep1Message,
  syncStep2Message,
  T0,
  textOf,
  updateMessage,
  updateWithText,
  type ServerMessage,
} from './testing/fixtures.ts';

const docId = 'stmt_handlers';
const otherDocId = 'stmt_other';

interface SetupOptions {
  compaction?: Partial<CompactionSettings>;
  documents?: (store: DocumentStore) => DocumentStore;
  connections?: (registry: ConnectionRegistry) => ConnectionRegistry;
  guard?: UpdateGuard;
}

function setup(options: SetupOptions = {}) {
  const documents = createMemoryDocumentStore();
  /** Every update appended, in order: compaction empties the tail, this stays. */
  const appended: Uint8Array[] = [];
  const recording: DocumentStore = {
    ...documents,
    async appendUpdate(input) {
      const tail = await documents.appendUpdate(input);
      appended.push(input.update);
      return tail;
    },
  };
  const connections = createMemoryConnectionRegistry();
  const gateway = createRecordingGateway();
  const logs: SyncLogEntry[] = [];
  const clock = { now: T0 };
  let ids = 0;
  const handlers = createSyncHandlers({
    documents: options.documents?.(recording) ?? recording,
    connections: options.connections?.(connections) ?? connections,
    chunks: createMemoryChunkStore(),
    gateway,
    now: () => clock.now,
    newId: () => `id${(ids += 1)}`,
    compaction: options.compaction,
    guard: options.guard,
    log: (entry) => logs.push(entry),
  });
  return {
    handlers,
    documents,
    appended,
    connections,
    gateway,
    logs,
    clock,
    connect: (connectionId: string, access: ConnectionAccess = 'write', onDoc = docId) =>
      handlers.connect({ connectionId, docId: onDoc, principal: principalFor(connectionId), access }),
    send: (connectionId: string, data: Uint8Array) => handlers.message({ connectionId, frame: frameOf(data) }),
    stored: async (onDoc = docId) => (await documents.load({ docId: onDoc })).updates.map((u) => u.update),
    isConnected: async (connectionId: string) => (await connections.get({ connectionId, now: clock.now })) !== null,
  };
}

const types = (messages: ServerMessage[]) => messages.map((m) => m.type);
const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0]!;
};
const awarenessEntries = (messages: ServerMessage[]) =>
  messages.flatMap((m) => (m.type === 'awareness' ? [m.entries] : []));

describe('createSyncHandlers', () => {
  describe('connect', () => {
    it('registers the connection and sends nothing (API Gateway refuses posts during $connect)', async () => {
      const { connect, gateway, connections } = setup();
      await connect('w1');
      expect(gateway.events).toEqual([]);
      expect(await connections.get({ connectionId: 'w1', now: T0 })).toMatchObject({ docId, access: 'write', awareness: null });
    });
  });

  describe('sync step 1', () => {
    it('answers a writer with sync step 2 holding the stored text and with the server’s sync step 1', async () => {
      const { connect, send, documents, gateway } = setup();
      const stored = updateWithText('stored text', 50);
      await documents.appendUpdate({ docId, update: stored, origin: 'earlier' });
      await connect('w1');

      expect(await send('w1', syncStep1Message(new Y.Doc()))).toBe('handled');

      const messages = gateway.messagesTo('w1');
      expect(types(messages)).toEqual(['sync-step-2', 'sync-step-1']);
      const [step2, step1] = messages;
      expect(step2?.type === 'sync-step-2' && textOf(step2.update)).toBe('stored text');
      const server = docWithText('stored text', 50);
      expect(step1?.type === 'sync-step-1' && step1.stateVector).toEqual(Y.encodeStateVector(server));
    });

    it('answers with only what the client lacks', async () => {
      const { connect, send, documents, gateway } = setup();
      const client = docWithText('mine ', 60);
      await documents.appendUpdate({ docId, update: Y.encodeStateAsUpdate(client), origin: 'earlier' });
      await documents.appendUpdate({ docId, update: updateWithText('theirs', 61), origin: 'earlier' });
      await connect('w1');

      await send('w1', syncStep1Message(client));

      const step2 = gateway.messagesTo('w1')[0];
      if (step2?.type !== 'sync-step-2') throw new Error('expected sync step 2 first');
      expect([...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(step2.update)).keys()]).toEqual([61]);
    });

    it('answers a reader with sync step 2 only', async () => {
      const { connect, send, documents, gateway } = setup();
      await documents.appendUpdate({ docId, update: updateWithText('stored text', 50), origin: 'earlier' });
      await connect('r1', 'read');

      expect(await send('r1', syncStep1Message(new Y.Doc()))).toBe('handled');

      const messages = gateway.messagesTo('r1');
      expect(types(messages)).toEqual(['sync-step-2']);
      expect(messages[0]?.type === 'sync-step-2' && textOf(messages[0].update)).toBe('stored text');
    });

    it('sends a joiner the awareness of everyone present', async () => {
      const { connect, send, gateway } = setup();
      await connect('w1');
      await send('w1', awarenessMessage([{ clientId: 1, clock: 3, state: { cursor: 4 } }]));
      await connect('r1', 'read');

      await send('r1', syncStep1Message(new Y.Doc()));

      const present = only(awarenessEntries(gateway.messagesTo('r1')));
      expect(present).toEqual([{ clientId: 1, clock: 3, state: { cursor: 4, user: expect.objectContaining({ name: 'w1' }) } }]);
    });
  });

  describe('updates', () => {
    it('sends an update to every other connection of the document once admitted, without waiting for the write, and stores it', async () => {
      const { connect, send, documents, gateway, stored } = setup();
      await connect('w1');
      await connect('w2');
      await connect('r1', 'read');
      await connect('x1', 'write', otherDocId);
      const storedWhenPosted: [string, number][] = [];
      gateway.beforePost = async ({ connectionId }) => {
        storedWhenPosted.push([connectionId, (await documents.load({ docId })).updates.length]);
      };
      const update = updateWithText('hello', 1);

      expect(await send('w1', updateMessage(update))).toBe('handled');

      expect(await stored()).toEqual([update]);
      // The registry is in memory: the others see it before it is durable (PROTOCOL.md §3); the
      // sender is told "saved" only after (the handler returned once stored).
      expect(storedWhenPosted.sort(([a], [b]) => a.localeCompare(b))).toEqual([
        ['r1', 0],
        ['w2', 0],
      ]);
      expect(gateway.messagesTo('w2')).toEqual([{ type: 'update', update }]);
      expect(gateway.messagesTo('r1')).toEqual([{ type: 'update', update }]);
      expect(gateway.messagesTo('w1')).toEqual([]);
      expect(gateway.messagesTo('x1')).toEqual([]);
      expect(await stored(otherDocId)).toEqual([]);
    });

    it('stores and passes on a writer’s sync step 2 like an update', async () => {
      const { connect, send, gateway, stored } = setup();
      await connect('w1');
      await connect('w2');
      const offline = docWithText('written offline', 7);

      expect(await send('w1', syncStep2Message(offline))).toBe('handled');

      expect(textOf(...(await stored()))).toBe('written offline');
      const forwarded = only(gateway.messagesTo('w2'));
      expect(forwarded.type === 'update' && textOf(forwarded.update)).toBe('written offline');
    });

    it('ignores an update that changes nothing', async () => {
      const { connect, send, gateway, appended } = setup();
      await connect('w1');
      await connect('w2');
      expect(await send('w1', syncStep2Message(new Y.Doc()))).toBe('ignored');
      expect(appended).toEqual([]);
      expect(gateway.events).toEqual([]);
    });

    it.each([
      ['an update', updateMessage(updateWithText('sneaky', 9))],
      ['a sync step 2', syncStep2Message(docWithText('sneaky', 9))],
    ])('[G2] refuses %s from a read-only connection: not stored, not passed on, answered read-only', async (_, data) => {
      const { connect, send, gateway, appended, isConnected } = setup();
      await connect('r1', 'read');
      await connect('w1');

      expect(await send('r1', data)).toBe('refused-read-only');

      expect(appended).toEqual([]);
      expect(gateway.framesTo('w1')).toEqual([]);
      expect(gateway.messagesTo('r1')).toEqual([{ type: 'permission-denied', reason: 'read-only' }]);
      expect(gateway.closesOf('r1')).toEqual([]);
      expect(await isConnected('r1')).toBe(true);
    });
  });

  describe('awareness', () => {
    it('echoes the sender’s entry to the sender, stamped with its principal', async () => {
      const { connect, send, gateway } = setup();
      await connect('w1');
      const claimed = { user: { name: 'Mallory', organisation: 'Evil', userId: 'usr_mallory', color: '#00ff00' }, cursor: 5 };

      expect(await send('w1', awarenessMessage([{ clientId: 1, clock: 2, state: claimed }]))).toBe('handled');

      expect(only(awarenessEntries(gateway.messagesTo('w1')))).toEqual([
        {
          clientId: 1,
          clock: 2,
          state: { user: { name: 'w1', organisation: 'Org w1', userId: 'usr_w1', color: '#00ff00' }, cursor: 5 },
        },
      ]);
    });

    it('forwards only the sender’s own entry to everyone on the document, dropping relays', async () => {
      const { connect, send, gateway } = setup();
      await connect('w1');
      await connect('r1', 'read');
      await connect('x1', 'write', otherDocId);
      await send('w1', awarenessMessage([{ clientId: 1, clock: 1, state: { cursor: 1 } }]));
      gateway.clear();

      await send(
        'r1',
        awarenessMessage([
          { clientId: 1, clock: 9, state: { cursor: 'forged' } },
          { clientId: 2, clock: 1, state: { cursor: 2 } },
        ]),
      );

      const expected = [[{ clientId: 2, clock: 1, state: { cursor: 2, user: expect.objectContaining({ userId: 'usr_r1' }) } }]];
      expect(awarenessEntries(gateway.messagesTo('w1'))).toEqual(expected);
      expect(awarenessEntries(gateway.messagesTo('r1'))).toEqual(expected);
      expect(gateway.framesTo('x1')).toEqual([]);
    });

    it('ignores a bound connection’s relay of another client’s entry', async () => {
      const { connect, send, gateway } = setup();
      await connect('w1');
      await connect('w2');
      await send('w1', awarenessMessage([{ clientId: 1, clock: 1, state: { cursor: 1 } }]));
      await send('w2', awarenessMessage([{ clientId: 2, clock: 1, state: { cursor: 2 } }]));
      gateway.clear();

      expect(await send('w2', awarenessMessage([{ clientId: 1, clock: 5, state: { cursor: 'forged' } }]))).toBe('ignored');
      expect(gateway.events).toEqual([]);

      await send('w2', queryAwarenessMessage());
      const states = only(awarenessEntries(gateway.messagesTo('w2')));
      expect(states.find((e) => e.clientId === 1)).toMatchObject({ clock: 1, state: { cursor: 1 } });
    });

    it('refuses to guess which of two unknown entries is the sender’s', async () => {
      const { connect, send, gateway } = setup();
      await connect('w1');
      const relayed = [
        { clientId: 3, clock: 1, state: { cursor: 3 } },
        { clientId: 4, clock: 1, state: { cursor: 4 } },
      ];
      expect(await send('w1', awarenessMessage(relayed))).toBe('ignored');
      expect(gateway.events).toEqual([]);
    });

    it('sends a null entry one clock later to the remaining peers when a connection goes', async () => {
      const { connect, send, gateway, handlers, isConnected } = setup();
      await connect('w1');
      await connect('w2');
      await connect('r1', 'read');
      await send('w1', awarenessMessage([{ clientId: 1, clock: 4, state: { cursor: 1 } }]));
      gateway.clear();

      await handlers.disconnect({ connectionId: 'w1' });

      const removal = [[{ clientId: 1, clock: 5, state: null }]];
      expect(awarenessEntries(gateway.messagesTo('w2'))).toEqual(removal);
      expect(awarenessEntries(gateway.messagesTo('r1'))).toEqual(removal);
      expect(gateway.framesTo('w1')).toEqual([]);
      expect(await isConnected('w1')).toBe(false);
    });

    it('answers query awareness with the states of everyone present', async () => {
      const { connect, send, gateway } = setup();
      for (const id of ['w1', 'w2', 'w3', 'w4']) await connect(id);
      await connect('r1', 'read');
      await send('w1', awarenessMessage([{ clientId: 1, clock: 1, state: { cursor: 1 } }]));
      await send('w2', awarenessMessage([{ clientId: 2, clock: 1, state: { cursor: 2 } }]));
      await send('w4', awarenessMessage([{ clientId: 4, clock: 1, state: { cursor: 4 } }]));
      await send('w4', awarenessMessage([{ clientId: 4, clock: 2, state: null }]));
      gateway.clear();

      expect(await send('r1', queryAwarenessMessage())).toBe('handled');

      const entries = only(awarenessEntries(gateway.messagesTo('r1')));
      expect(entries.sort((a, b) => a.clientId - b.clientId).map((e) => [e.clientId, e.state])).toEqual([
        [1, { cursor: 1, user: expect.objectContaining({ name: 'w1' }) }],
        [2, { cursor: 2, user: expect.objectContaining({ name: 'w2' }) }],
      ]);
    });
  });

  describe('chunked messages', () => {
    it('assembles a 200 KB paste sent in chunks, in any order, and stores it once', async () => {
      const { connect, handlers, gateway, appended } = setup();
      await connect('w1');
      await connect('w2');
      const paste = updateWithText('pasted paragraph. '.repeat(12_000), 1);
      const frames = encodeMessage({ data: updateMessage(paste), messageId: 'paste1' });
      expect(frames.length).toBeGreaterThan(8);
      const [first, ...rest] = frames;
      const deliveries = [...rest.reverse(), rest[0]!, first!];

      const outcomes = [];
      for (const frame of deliveries) outcomes.push(await handlers.message({ connectionId: 'w1', frame }));

      expect(outcomes.slice(0, -1).every((o) => o === 'pending-chunks')).toBe(true);
      expect(outcomes.at(-1)).toBe('handled');
      expect(only(appended).length).toBe(paste.length);
      expect(sameBytes(only(appended), paste)).toBe(true);
      for (const frame of gateway.framesTo('w2')) expect(frame.length).toBeLessThanOrEqual(FRAME_MAX_BYTES);
      const forwarded = only(gateway.messagesTo('w2'));
      expect(forwarded.type === 'update' && sameBytes(forwarded.update, paste)).toBe(true);
    });

    it('does not store a message again when one of its chunks arrives after it completed', async () => {
      const { connect, handlers, appended } = setup();
      await connect('w1');
      const frames = encodeMessage({ data: updateMessage(updateWithText('y'.repeat(60_000), 1)), messageId: 'dup1' });
      for (const frame of frames) await handlers.message({ connectionId: 'w1', frame });
      expect(appended).toHaveLength(1);

      expect(await handlers.message({ connectionId: 'w1', frame: frames[1]! })).toBe('pending-chunks');
      expect(await handlers.message({ connectionId: 'w1', frame: frames[0]! })).toBe('pending-chunks');
      expect(appended).toHaveLength(1);
    });
  });

  describe('[G3] bad input', () => {
    const truncatedUpdate = updateWithText('truncated', 1).subarray(0, 6);

    it.each<[string, unknown, string]>([
      ['an unreadable frame', 'x123', 'sync.frame-malformed'],
      ['a frame that is not text', new Uint8Array([1, 2]), 'sync.frame-malformed'],
      ['an error frame from a client', 'e4400.no', 'sync.frame-malformed'],
      ['a message that does not decode', frameOf(new Uint8Array([9, 9])), 'sync.message-malformed'],
      ['an update that does not apply', frameOf(updateMessage(truncatedUpdate)), 'sync.update-malformed'],
      ['a state vector that does not decode', frameOf(new Uint8Array([0, 0, 2, 1, 5])), 'sync.state-vector-malformed'],
      ['an awareness update that does not decode', frameOf(new Uint8Array([1, 2, 1, 1])), 'sync.awareness-malformed'],
      ['an awareness state that is not an object', frameOf(awarenessMessage([{ clientId: 1, clock: 1, state: [1] }])), 'sync.awareness-state-invalid'],
    ])('closes the connection on %s with badFrame, storing nothing', async (_, frame, reason) => {
      const { connect, handlers, gateway, appended, isConnected } = setup();
      await connect('w1');
      await connect('w2');

      expect(await handlers.message({ connectionId: 'w1', frame })).toEqual({ closed: CloseCode.badFrame, reason });

      expect(gateway.events).toEqual([
        { kind: 'post', connectionId: 'w1', frame: `e${CloseCode.badFrame}.${reason}` },
        { kind: 'close', connectionId: 'w1', code: CloseCode.badFrame, reason },
      ]);
      expect(appended).toEqual([]);
      expect(await isConnected('w1')).toBe(false);
      expect(await isConnected('w2')).toBe(true);
    });

    it.each([
      ['builds a scratch document when the guard does not apply updates', false],
      ['leaves the apply to a guard that applies updates, and still closes with badFrame', true],
    ])('an update that decodes but does not apply: %s', async (_, appliesUpdates) => {
      const seen: Uint8Array[] = [];
      const guard: UpdateGuard = {
        appliesUpdates,
        async check({ update }) {
          seen.push(update);
          try {
            Y.applyUpdate(new Y.Doc(), update);
          } catch {
            return { ok: false, reason: 'sync.update-malformed' };
          }
          return { ok: true };
        },
      };
      const { connect, send, gateway, appended, isConnected } = setup({ guard });
      await connect('w1');
      await connect('w2');

      expect(await send('w1', updateMessage(decodesButDoesNotApply))).toEqual({ closed: CloseCode.badFrame, reason: 'sync.update-malformed' });

      expect(seen).toHaveLength(appliesUpdates ? 1 : 0);
      expect(gateway.events.filter((e) => e.connectionId === 'w2')).toEqual([]);
      expect(appended).toEqual([]);
      expect(await isConnected('w1')).toBe(false);
    });

    it('hands a newcomer\'s load to a guard that keeps documents, for the first keystroke', async () => {
      const prepared: string[] = [];
      const guard: UpdateGuard = {
        appliesUpdates: true,
        check: async () => ({ ok: true }),
        prepare: ({ docId: id, state }) => void prepared.push(`${id} ${state.updates.length}`),
      };
      const { connect, send } = setup({ guard });
      await connect('w1');
      expect(await send('w1', updateMessage(updateWithText('We affirm.', 1)))).toBe('handled');
      await connect('w2');
      expect(await send('w2', syncStep1Message(new Y.Doc()))).toBe('handled');
      expect(prepared).toEqual([`${docId} 1`]);
    });

    it('closes the connection with badFrame when chunks of one message disagree on their count', async () => {
      const { connect, handlers, gateway, appended } = setup();
      await connect('w1');
      const [first] = encodeMessage({ data: updateMessage(updateWithText('z'.repeat(60_000), 1)), messageId: 'm1' });
      const liar = first!.replace(/^cm1\.0\.3\./, 'cm1.1.4.');
      expect(liar).not.toBe(first);

      expect(await handlers.message({ connectionId: 'w1', frame: first })).toBe('pending-chunks');
      expect(await handlers.message({ connectionId: 'w1', frame: liar })).toEqual({
        closed: CloseCode.badFrame,
        reason: 'sync.chunk-mismatch',
      });
      expect(gateway.closesOf('w1')).toEqual([{ code: CloseCode.badFrame, reason: 'sync.chunk-mismatch' }]);
      expect(appended).toEqual([]);
    });

    it('closes with tooLarge a chunked message above MESSAGE_MAX_BYTES, storing nothing', async () => {
      const { connect, handlers, gateway, appended } = setup();
      await connect('w1');
      const data = updateMessage(updateWithText('x'.repeat(MESSAGE_MAX_BYTES), 1));
      expect(data.length).toBeGreaterThan(MESSAGE_MAX_BYTES);
      const frames = encodeMessage({ data, messageId: 'huge' });
      expect(frames.length).toBeLessThanOrEqual(CHUNK_MAX_COUNT);

      const outcomes = [];
      for (const frame of frames) outcomes.push(await handlers.message({ connectionId: 'w1', frame }));

      expect(outcomes.slice(0, -1).every((o) => o === 'pending-chunks')).toBe(true);
      expect(outcomes.at(-1)).toEqual({ closed: CloseCode.tooLarge, reason: 'sync.message-too-large' });
      expect(gateway.closesOf('w1')).toEqual([{ code: CloseCode.tooLarge, reason: 'sync.message-too-large' }]);
      expect(appended).toEqual([]);
    });

    it('closes a message from an unknown connection with unauthorized', async () => {
      const { handlers, gateway, appended } = setup();
      const outcome = await handlers.message({ connectionId: 'ghost', frame: frameOf(updateMessage(updateWithText('a', 1))) });

      expect(outcome).toEqual({ closed: CloseCode.unauthorized, reason: 'sync.connection-unknown' });
      expect(gateway.events).toEqual([
        { kind: 'post', connectionId: 'ghost', frame: `e${CloseCode.unauthorized}.sync.connection-unknown` },
        { kind: 'close', connectionId: 'ghost', code: CloseCode.unauthorized, reason: 'sync.connection-unknown' },
      ]);
      expect(appended).toEqual([]);
    });

    it('treats a connection past its expiry as unknown', async () => {
      const { connect, send, clock, appended } = setup();
      await connect('w1');
      clock.now = T0 + (2 * 60 + 10) * 60_000;
      expect(await send('w1', updateMessage(updateWithText('late', 1)))).toEqual({
        closed: CloseCode.unauthorized,
        reason: 'sync.connection-unknown',
      });
      expect(appended).toEqual([]);
    });
  });

  describe('failures', () => {
    const storeDown = () => Promise.reject(new Error('store down'));

    it.each<[string, SetupOptions, (s: ReturnType<typeof setup>) => Promise<unknown>]>([
      ['appending an update', { documents: (d) => ({ ...d, appendUpdate: storeDown }) }, (s) => s.send('w1', updateMessage(updateWithText('a', 1)))],
      ['loading the document', { documents: (d) => ({ ...d, load: storeDown }) }, (s) => s.send('w1', syncStep1Message(new Y.Doc()))],
      ['reading the connection', { connections: (c) => ({ ...c, get: storeDown }) }, (s) => s.send('w1', queryAwarenessMessage())],
    ])('closes the connection with internal, without throwing, when %s fails', async (_, options, act) => {
      const s = setup(options);
      await s.connect('w1');

      await expect(act(s)).resolves.toEqual({ closed: CloseCode.internal, reason: 'sync.internal-error' });

      expect(s.gateway.events).toEqual([
        { kind: 'post', connectionId: 'w1', frame: `e${CloseCode.internal}.sync.internal-error` },
        { kind: 'close', connectionId: 'w1', code: CloseCode.internal, reason: 'sync.internal-error' },
      ]);
      expect(s.logs.map((l) => l.code)).toContain('sync.message-failed');
      expect(await s.isConnected('w1')).toBe(false);
    });
  });

  describe('connections found gone', () => {
    it('forgets a peer whose post is gone only once it is 30 s past its connect', async () => {
      const { connect, send, gateway, clock, isConnected } = setup();
      await connect('w1');
      await connect('w2');
      gateway.gone.add('w2');

      clock.now = T0 + 29_999;
      await send('w1', updateMessage(updateWithText('one', 1)));
      expect(gateway.goneAnswers).toEqual(['w2']);
      expect(await isConnected('w2')).toBe(true);

      clock.now = T0 + 30_000;
      await send('w1', updateMessage(updateWithText('two', 2)));
      expect(gateway.goneAnswers).toEqual(['w2', 'w2']);
      expect(await isConnected('w2')).toBe(false);
      expect(await isConnected('w1')).toBe(true);
    });
  });

  describe('compaction', () => {
    it('compacts when the last writer leaves', async () => {
      const { connect, send, handlers, documents } = setup();
      await connect('w1');
      await connect('r1', 'read');
      await send('w1', updateMessage(updateWithText('one ', 1)));
      await send('w1', updateMessage(updateWithText('two', 2)));

      await handlers.disconnect({ connectionId: 'w1' });

      const state = await documents.load({ docId });
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot)).toBe(textOf(updateWithText('one ', 1), updateWithText('two', 2)));
    });

    it('compacts the text in at most two runs when ten writers leave at one moment, and all of it', async () => {
      let leases = 0;
      const { connect, send, handlers, documents } = setup({
        documents: (store) => ({ ...store, acquireLease: (input) => ((leases += 1), store.acquireLease(input)) }),
      });
      const writers = Array.from({ length: 10 }, (_, i) => `w${i}`);
      for (const [i, id] of writers.entries()) {
        await connect(id);
        await send(id, updateMessage(updateWithText(`${id} `, 10 + i)));
      }

      await Promise.all(writers.map((connectionId) => handlers.disconnect({ connectionId })));

      // Each leave saw no writer left (every remove came first): one run each, before.
      expect(leases).toBe(2);
      const state = await documents.load({ docId });
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot)).toBe(textOf(...writers.map((id, i) => updateWithText(`${id} `, 10 + i))));
    });

    it('does not compact while another writer remains', async () => {
      const { connect, send, handlers, stored } = setup();
      await connect('w1');
      await connect('w2');
      await send('w1', updateMessage(updateWithText('one', 1)));

      await handlers.disconnect({ connectionId: 'w1' });

      expect(await stored()).toHaveLength(1);
    });

    it('gives a client that joins after compaction the full text', async () => {
      const { connect, send, handlers, gateway, stored } = setup();
      await connect('w1');
      const writer = new Y.Doc();
      writer.clientID = 1;
      const edits: Uint8Array[] = [];
      writer.on('update', (update: Uint8Array) => edits.push(update));
      writer.getText('text').insert(0, 'The coalition ');
      writer.getText('text').insert(14, 'agrees.');
      for (const edit of edits) await send('w1', updateMessage(edit));
      expect(await stored()).toHaveLength(2);
      await handlers.disconnect({ connectionId: 'w1' });
      expect(await stored()).toEqual([]);

      await connect('w2');
      await send('w2', syncStep1Message(new Y.Doc()));

      const step2 = gateway.messagesTo('w2')[0];
      expect(step2?.type === 'sync-step-2' && textOf(step2.update)).toBe('The coalition agrees.');
    });

    it('compacts once the tail reaches the configured count', async () => {
      const { connect, send, stored } = setup({ compaction: { maxTailCount: 3 } });
      await connect('w1');
      await send('w1', updateMessage(updateWithText('a', 1)));
      await send('w1', updateMessage(updateWithText('b', 2)));
      expect(await stored()).toHaveLength(2);
      await send('w1', updateMessage(updateWithText('c', 3)));
      expect(await stored()).toEqual([]);
    });

    it('compacts on request', async () => {
      const { connect, send, handlers, documents } = setup();
      await connect('w1');
      await send('w1', updateMessage(updateWithText('a', 1)));
      await handlers.compact({ docId });
      const state = await documents.load({ docId });
      expect(state.updates).toEqual([]);
      expect(textOf(state.snapshot)).toBe('a');
    });
  });
});
