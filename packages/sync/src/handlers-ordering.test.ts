/**
 * Regressions: frames handled out of order (each is its own Lambda), relayed departures, pastes
 * over the chunk limit, and the awareness size limit in bytes.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AWARENESS_STATE_MAX_BYTES, stampState } from './awareness.ts';
import { CloseCode, encodeMessage, encodeMessages, MESSAGE_MAX_BYTES } from './frames.ts';
import { createSyncHandlers } from './handlers.ts';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from './memory/index.ts';
import {
  awarenessMessage,
  createRecordingGateway,
  frameOf,
  principalFor,
  rejoin,
  syncStep1Message,
  T0,
  updateMessage,
  updateWithText,
} from './testing/fixtures.ts';

const docId = 'stmt_bugs';
const awarenesses: awarenessProtocol.Awareness[] = [];
afterEach(() => {
  for (const awareness of awarenesses.splice(0)) awareness.destroy();
});

function setup() {
  const documents = createMemoryDocumentStore();
  const connections = createMemoryConnectionRegistry();
  const gateway = createRecordingGateway();
  let ids = 0;
  const handlers = createSyncHandlers({
    documents,
    connections,
    chunks: createMemoryChunkStore(),
    gateway,
    now: () => T0,
    newId: () => `id${(ids += 1)}`,
  });
  return {
    handlers,
    documents,
    gateway,
    connect: (connectionId: string) =>
      handlers.connect({ connectionId, docId, principal: principalFor(connectionId), access: 'write' }),
    send: (connectionId: string, data: Uint8Array) => handlers.message({ connectionId, frame: frameOf(data) }),
  };
}

/** A y-protocols Awareness fed with every awareness message the server posted to a connection. */
function awarenessSeenBy(gateway: ReturnType<typeof createRecordingGateway>, connectionId: string, clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awarenesses.push(awareness);
  let applied = 0;
  return {
    awareness,
    /** Applies the messages posted since the last call. */
    catchUp() {
      const messages = rejoin(gateway.framesTo(connectionId));
      for (const data of messages.slice(applied)) {
        const decoder = decoding.createDecoder(data);
        if (decoding.readVarUint(decoder) === 1) {
          awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
        }
      }
      applied = messages.length;
    },
  };
}

function asAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('createSyncHandlers with frames out of order and oversized', () => {
  it('refuses a paste above the chunk count limit with tooLarge, not badFrame', async () => {
    const { connect, handlers, gateway } = setup();
    await connect('w1');
    const paste = updateMessage(updateWithText('x'.repeat(5 * 1024 * 1024), 1));
    expect(paste.length).toBeGreaterThan(MESSAGE_MAX_BYTES);
    const [first] = encodeMessage({ data: paste, messageId: 'paste' });

    const outcome = await handlers.message({ connectionId: 'w1', frame: first });

    expect(outcome).toEqual({ closed: CloseCode.tooLarge, reason: 'sync.message-too-large' });
    expect(gateway.closesOf('w1')).toEqual([{ code: CloseCode.tooLarge, reason: 'sync.message-too-large' }]);
  });

  it('stores and sends on a frame\'s consecutive updates as one: the second is not held behind the first\'s write', async () => {
    const { connect, handlers, gateway, documents } = setup();
    await connect('w1');
    await connect('w2');
    const doc = new Y.Doc();
    doc.clientID = 5;
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'We');
    doc.getText('t').insert(2, ' affirm');
    doc.destroy();
    const [frame] = encodeMessages({ messages: updates.map(updateMessage), newMessageId: () => 'tick' });
    expect(frame!.startsWith('b')).toBe(true);

    expect(await handlers.message({ connectionId: 'w1', frame: frame! })).toBe('handled');

    const received = gateway.messagesTo('w2').flatMap((m) => (m.type === 'update' ? [m.update] : []));
    expect(received).toHaveLength(1);
    const stored = (await documents.load({ docId })).updates;
    expect(stored).toHaveLength(1);
    const seen = new Y.Doc();
    Y.applyUpdate(seen, received[0]!);
    expect(seen.getText('t').toString()).toBe('We affirm');
    seen.destroy();
  });

  it('gives a joiner the newest awareness of a peer whose older update arrived last', async () => {
    const { connect, send, gateway } = setup();
    await connect('w1');
    await send('w1', awarenessMessage([{ clientId: 1, clock: 7, state: { cursor: 'newest' } }]));
    // Frames are separate Lambda invocations: an older awareness update can be handled later.
    await send('w1', awarenessMessage([{ clientId: 1, clock: 5, state: { cursor: 'older' } }]));
    await connect('w2');
    const seen = awarenessSeenBy(gateway, 'w2', 2);

    await send('w2', syncStep1Message(new Y.Doc()));
    seen.catchUp();

    expect(seen.awareness.getStates().get(1)).toMatchObject({ cursor: 'newest' });
    expect(seen.awareness.meta.get(1)?.clock).toBe(7);
  });

  it('removes a departed peer’s cursor even when its older awareness update arrived last', async () => {
    const { connect, send, gateway, handlers } = setup();
    await connect('w1');
    await connect('w2');
    const seen = awarenessSeenBy(gateway, 'w2', 2);
    await send('w1', awarenessMessage([{ clientId: 1, clock: 7, state: { cursor: 'newest' } }]));
    await send('w1', awarenessMessage([{ clientId: 1, clock: 5, state: { cursor: 'older' } }]));
    seen.catchUp();
    expect(seen.awareness.getStates().has(1)).toBe(true);

    await handlers.disconnect({ connectionId: 'w1' });
    seen.catchUp();

    expect(seen.awareness.getStates().has(1)).toBe(false);
  });

  it('does not bind a connection to the relayed removal of a client that already left', async () => {
    const { connect, send, gateway, handlers } = setup();
    await connect('w3');
    await send('w3', awarenessMessage([{ clientId: 3, clock: 1, state: { cursor: 3 } }]));
    await connect('w2');
    // w2's client (y-websocket) knows client 3 from its sync; its own awareness is still in flight.
    const client = awarenessSeenBy(gateway, 'w2', 2);
    client.awareness.setLocalState({ cursor: 2 });
    await send('w2', syncStep1Message(new Y.Doc()));
    client.catchUp();
    expect(client.awareness.getStates().has(3)).toBe(true);
    const relayed: Uint8Array[] = [];
    client.awareness.on('update', ({ removed }: { removed: number[] }) => {
      if (removed.length > 0) relayed.push(awarenessProtocol.encodeAwarenessUpdate(client.awareness, removed));
    });

    await handlers.disconnect({ connectionId: 'w3' });
    client.catchUp();
    expect(relayed).toHaveLength(1);
    // y-websocket re-sends every awareness change it receives, removals included.
    await send('w2', asAwarenessMessage(relayed[0]!));

    const own = awarenessProtocol.encodeAwarenessUpdate(client.awareness, [2]);
    expect(await send('w2', asAwarenessMessage(own))).toBe('handled');
  });
  it('lets a person who reconnected speak for their client id while their old connection lingers', async () => {
    const { handlers, send, gateway, connect } = setup();
    const principal = principalFor('delegate');
    await handlers.connect({ connectionId: 'old', docId, principal, access: 'write' });
    await send('old', awarenessMessage([{ clientId: 9, clock: 1, state: { cursor: 'before' } }]));
    await connect('peer');
    const seen = awarenessSeenBy(gateway, 'peer', 2);
    // The old socket died without $disconnect (a crash, or API Gateway still holding it).
    await handlers.connect({ connectionId: 'new', docId, principal, access: 'write' });
    await send('new', awarenessMessage([{ clientId: 9, clock: 2, state: { cursor: 'after' } }]));
    seen.catchUp();
    expect(seen.awareness.getStates().get(9)).toMatchObject({ cursor: 'after' });

    await handlers.disconnect({ connectionId: 'old' });
    seen.catchUp();
    expect(seen.awareness.getStates().get(9)).toMatchObject({ cursor: 'after' });
  });

  it('still drops another person’s entry relayed by a connection that has not spoken yet', async () => {
    const { send, gateway, connect } = setup();
    await connect('alice');
    await send('alice', awarenessMessage([{ clientId: 1, clock: 3, state: { cursor: 'alice' } }]));
    await connect('bob');
    const seen = awarenessSeenBy(gateway, 'alice', 1);
    await send('bob', awarenessMessage([{ clientId: 1, clock: 4, state: { cursor: 'forged by relay' } }]));
    seen.catchUp();
    expect(seen.awareness.meta.get(1)?.clock ?? 0).toBeLessThan(4);
  });
});

describe('stampState in bytes', () => {
  it('measures AWARENESS_STATE_MAX_BYTES in bytes, refusing a multi-byte state over it', () => {
    const state = JSON.stringify({ note: '€'.repeat(3_000) });
    expect(state.length).toBeLessThan(AWARENESS_STATE_MAX_BYTES);
    expect(new TextEncoder().encode(state).length).toBeGreaterThan(AWARENESS_STATE_MAX_BYTES);

    expect(stampState({ state, principal: principalFor('ada') })).toBeNull();
  });
});

describe('createSyncHandlers.evict', () => {
  it('tells the client why, closes it, forgets it and clears its cursor for the others', async () => {
    const { handlers, send, gateway, connect } = setup();
    await connect('revoked');
    await connect('peer');
    await send('revoked', awarenessMessage([{ clientId: 7, clock: 1, state: { cursor: 'here' } }]));
    const seen = awarenessSeenBy(gateway, 'peer', 2);
    seen.catchUp();
    expect(seen.awareness.getStates().has(7)).toBe(true);

    await handlers.evict({ connectionId: 'revoked', code: 4401, reason: 'auth.session-ended' });

    expect(gateway.framesTo('revoked').at(-1)).toBe('e4401.auth.session-ended');
    expect(gateway.events.some((event) => event.kind === 'close' && event.connectionId === 'revoked')).toBe(true);
    seen.catchUp();
    expect(seen.awareness.getStates().has(7)).toBe(false);
    expect(await send('revoked', awarenessMessage([{ clientId: 7, clock: 2, state: {} }]))).toEqual({ closed: 4401, reason: 'sync.connection-unknown' });
  });
});
