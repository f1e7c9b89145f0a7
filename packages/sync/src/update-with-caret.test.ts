/**
 * A keystroke and its caret move sent in one frame (the client batches a tick's messages), on a
 * registry in memory (the local host): one post per peer, made once the store admits the update;
 * the sender's echo — its "saved" — only once the update is durable (PROTOCOL.md §3).
 */
import { describe, expect, it } from 'vitest';
import { encodeMessages } from './frames.ts';
import { awarenessMessage, createRecordingGateway, updateMessage, updateWithText } from './testing/fixtures.ts';
import { createMemorySync } from './testing/memory-sync.ts';

const docId = 'stmt_caret';

function setup() {
  const { handlers, documents, gateway, connect } = createMemorySync({ docId });
  /** Each post as it was made: to whom, what it carried, and how many updates were stored then. */
  const posts: { to: string; types: string[]; stored: number }[] = [];
  gateway.beforePost = async ({ connectionId, frame }) => {
    const stored = (await documents.load({ docId })).updates.length;
    const probe = createRecordingGateway();
    await probe.post({ connectionId, frame });
    posts.push({ to: connectionId, types: probe.messagesTo(connectionId).map((m) => m.type), stored });
  };
  const frame = (...messages: Uint8Array[]) => {
    const frames = encodeMessages({ messages, newMessageId: () => 'm' });
    expect(frames).toHaveLength(1);
    return frames[0]!;
  };
  return {
    handlers,
    documents,
    gateway,
    posts,
    connect,
    send: (connectionId: string, ...messages: Uint8Array[]) => handlers.message({ connectionId, frame: frame(...messages) }),
  };
}

const caret = (clock: number, cursor = clock) => awarenessMessage([{ clientId: 11, clock, state: { cursor } }]);

describe('a keystroke with its caret move', () => {
  it('reaches each peer as one post before the write, and comes back to the sender as "saved" only after it', async () => {
    const { connect, send, posts, gateway } = setup();
    await connect('w1');
    await connect('w2');
    await connect('r1', 'read');

    expect(await send('w1', updateMessage(updateWithText('a', 11)), caret(1))).toBe('handled');

    expect(posts.filter((p) => p.to !== 'w1')).toEqual([
      { to: 'w2', types: ['update', 'awareness'], stored: 0 },
      { to: 'r1', types: ['update', 'awareness'], stored: 0 },
    ]);
    expect(posts.filter((p) => p.to === 'w1')).toEqual([{ to: 'w1', types: ['awareness'], stored: 1 }]);
    const echoed = gateway.messagesTo('w1')[0];
    expect(echoed?.type === 'awareness' && echoed.entries).toEqual([
      { clientId: 11, clock: 1, state: { cursor: 1, user: expect.objectContaining({ name: expect.any(String) }) } },
    ]);
  });

  it('sends the caret on its own when the update is refused: a frozen text', async () => {
    const { connect, send, posts, documents } = setup();
    await connect('w1');
    await connect('w2');
    await documents.freeze({ docId, by: 'call_1' });

    expect(await send('w1', updateMessage(updateWithText('late', 11)), caret(1))).toBe('handled');

    expect(posts.filter((p) => p.to === 'w2')).toEqual([{ to: 'w2', types: ['awareness'], stored: 0 }]);
    expect(posts.filter((p) => p.to === 'w1').map((p) => p.types)).toEqual([['permission-denied'], ['awareness']]);
  });

  it('stores and passes on the update before a malformed caret closes the connection, as two messages would', async () => {
    const { connect, send, posts, gateway, documents } = setup();
    await connect('w1');
    await connect('w2');

    const outcome = await send('w1', updateMessage(updateWithText('kept', 11)), new Uint8Array([1, 2, 1, 1]));

    expect(outcome).toEqual({ closed: expect.any(Number), reason: 'sync.awareness-malformed' });
    expect((await documents.load({ docId })).updates).toHaveLength(1);
    expect(posts.filter((p) => p.to === 'w2')).toEqual([{ to: 'w2', types: ['update'], stored: 0 }]);
    expect(gateway.closesOf('w1')).toHaveLength(1);
  });

  it('passes on the update alone when the caret claims another person’s client id', async () => {
    const { connect, send, posts } = setup();
    await connect('w1');
    await connect('w2');
    await send('w2', caret(1));
    posts.length = 0;

    expect(await send('w1', updateMessage(updateWithText('mine', 12)), caret(2))).toBe('ignored');

    expect(posts).toEqual([{ to: 'w2', types: ['update'], stored: 0 }]);
  });
});
