/**
 * Lambda's store and registry (`freezeCheck: 'room-read'`, PROTOCOL.md §3): an append is one
 * request, the room and the head are one request, a freeze caught after the write is taken back,
 * and a frozen text is never compacted — over memory and dynalite alike.
 */
import { createConnectionRegistry, createDocumentStore } from '@concord/data';
import { compact, defaultCompactionSettings, type ConnectionRegistry, type DocumentStore } from '@concord/sync';
import { createMemoryConnectionRegistry, createMemoryDocumentStore } from '@concord/sync/memory';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testPrincipal } from '../../support/clients.ts';
import { startDynalite } from '../../support/dynalite.ts';

interface Pair {
  documents: DocumentStore;
  connections: ConnectionRegistry;
  /** Requests sent to the store so far, by command (dynalite only). */
  requests: () => string[];
}

const pairs: [string, () => Promise<Pair>][] = [
  [
    'memory',
    async () => {
      const documents = createMemoryDocumentStore({ freezeCheck: 'room-read' });
      return { documents, connections: createMemoryConnectionRegistry({ inMemory: false, heads: documents.head }), requests: () => [] };
    },
  ],
  [
    'dynalite',
    async () => {
      const { client, tableName } = await startDynalite();
      const sent: string[] = [];
      const send = client.send.bind(client);
      client.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
        sent.push(command.constructor.name);
        return (send as (...args: unknown[]) => unknown)(command, ...rest);
      }) as typeof client.send;
      return {
        documents: createDocumentStore({ client, tableName, freezeCheck: 'room-read' }),
        connections: createConnectionRegistry({ client, tableName }),
        requests: () => [...sent],
      };
    },
  ],
];

const principal = testPrincipal('ada');
const docId = 'stmt_rr';

function textUpdate(text: string, clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(state: { snapshot: Uint8Array | null; updates: { update: Uint8Array }[] }): string {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const { update } of state.updates) Y.applyUpdate(doc, update);
  return doc.getText('text').toString();
}

describe.each(pairs)('the room-read store and registry (%s)', (name, make) => {
  it('stores an update in one request and reads the room with the head in one more', async () => {
    const { documents, connections, requests } = await make();
    await connections.add({ connectionId: 'c1', docId, principal, access: 'write', connectedAt: 1, expiresAt: Date.now() + 60_000, awareness: null });
    const author = `${principal.userId} ${principal.organisationId}`;
    await documents.addAuthor!({ docId, author });
    const before = requests().length;

    const stored = await documents.appendUpdate({ docId, update: textUpdate('We affirm.', 1), origin: 'c1', author });
    const room = await connections.readRoom!({ docId, now: Date.now() });

    if (name === 'dynalite') expect(requests().slice(before)).toEqual(['PutCommand', 'QueryCommand']);
    expect(stored).toMatchObject({ count: 1, key: expect.any(String) });
    expect(room.connections.map((c) => c.connectionId)).toEqual(['c1']);
    expect(room.frozenBy).toBeNull();
    expect([...room.authors]).toEqual([author]);
    expect(textOf(await documents.load({ docId }))).toBe('We affirm.');
  });

  it('reads the freeze with the room, and takes back what was stored into a frozen text, whole or split', async () => {
    const { documents, connections } = await make();
    await documents.appendUpdate({ docId, update: textUpdate('Kept.', 1), origin: 'c1' });
    await documents.freeze({ docId, by: 'call_1' });
    const small = await documents.appendUpdate({ docId, update: textUpdate('Caught.', 2), origin: 'c1' });
    // Larger than an item: written in parts, every part taken back.
    const large = await documents.appendUpdate({ docId, update: textUpdate('x'.repeat(900_000), 3), origin: 'c1' });

    expect((await connections.readRoom!({ docId, now: Date.now() })).frozenBy).toBe('call_1');
    await documents.retract!({ docId, key: small.key! });
    await documents.retract!({ docId, key: large.key! });
    await documents.retract!({ docId, key: small.key! });

    expect(textOf(await documents.load({ docId }))).toBe('Kept.');
  });

  it('never compacts a frozen text, and compacts it again once unfrozen', async () => {
    const { documents } = await make();
    await documents.appendUpdate({ docId, update: textUpdate('One.', 1), origin: 'c1' });
    await documents.appendUpdate({ docId, update: textUpdate('Two.', 2), origin: 'c1' });
    await documents.freeze({ docId, by: 'call_1' });
    const settings = defaultCompactionSettings;

    expect(await compact({ documents, docId, owner: 'o1', now: Date.now(), settings })).toBe('busy');
    expect((await documents.load({ docId })).updates).toHaveLength(2);

    await documents.unfreeze({ docId, by: 'call_1' });
    expect(await compact({ documents, docId, owner: 'o2', now: Date.now(), settings })).toBe('compacted');
    expect((await documents.load({ docId })).updates).toHaveLength(0);
  });

  it('refuses to commit a compaction that took its lease before the freeze', async () => {
    const { documents } = await make();
    await documents.appendUpdate({ docId, update: textUpdate('One.', 1), origin: 'c1' });
    expect(await documents.acquireLease({ docId, owner: 'o1', now: Date.now(), ttlMs: 30_000 })).toBe(true);
    const state = await documents.load({ docId });
    await documents.freeze({ docId, by: 'call_1' });

    await expect(documents.commitSnapshot({ docId, owner: 'o1', baseVersion: state.version, snapshot: textUpdate('One.', 1), merged: state.updates })).rejects.toMatchObject({
      code: 'sync.compaction-superseded',
    });
    expect((await documents.load({ docId })).updates).toHaveLength(1);
  });

  it('counts the tail it appended, for the compaction trigger', async () => {
    const { documents } = await make();
    const first = await documents.appendUpdate({ docId, update: textUpdate('a', 1), origin: 'c1' });
    const second = await documents.appendUpdate({ docId, update: textUpdate('b', 2), origin: 'c1' });
    expect(first.count).toBe(1);
    expect(second.count).toBe(2);
    expect(second.bytes).toBeGreaterThan(first.bytes);
  });
});
