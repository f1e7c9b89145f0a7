/**
 * Hostile input (issue 12, item 1): an update that would leave a statement outside the editor's
 * schema is refused with a close code, never stored, never fanned out — through the sync
 * handlers (every case of the corpus generated from the schema) and through the host's socket.
 */
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { createStatementGuard } from '@concord/functions/statement-guard';
import { CloseCode, createSyncHandlers, documentFrom, encodeUpdate } from '@concord/sync';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from '@concord/sync/memory';
import { schemaCorpus } from '@concord/text/schema-corpus';
import { toBase64 } from 'lib0/buffer';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { connectEditor, eventually, testPrincipal } from '../../support/clients.ts';
import { startTestHost } from '../../support/test-host.ts';
import { createTicketIssuer } from '../../support/ticket-issuer.ts';
import { openRawAttacker } from '../../reliability/raw-attacker.ts';

const frame = (update: Uint8Array) => `m${toBase64(encodeUpdate(update))}`;

function guardedHandlers() {
  const documents = createMemoryDocumentStore();
  const sent: { connectionId: string; frame: string }[] = [];
  const handlers = createSyncHandlers({
    documents,
    connections: createMemoryConnectionRegistry(),
    chunks: createMemoryChunkStore(),
    gateway: { post: async (post) => (sent.push(post), 'ok'), close: async () => {} },
    guard: createStatementGuard(),
  });
  return { documents, handlers, sent };
}

describe('[G8] the schema guard at the sync handlers', () => {
  it.each(schemaCorpus().map((c) => [c.name, c] as const))('%s', async (_, example) => {
    const { documents, handlers, sent } = guardedHandlers();
    const docId = example.kind === 'translation' ? 'stmt_corpus--tr-fr' : 'stmt_corpus';
    await documents.appendUpdate({ docId, update: example.base, origin: 'seed' });
    for (const connectionId of ['attacker', 'peer']) {
      await handlers.connect({ connectionId, docId, principal: testPrincipal(connectionId), access: 'write' });
    }
    const before = Y.encodeStateVector(documentFrom(await documents.load({ docId })));

    const outcome = await handlers.message({ connectionId: 'attacker', frame: frame(example.update) });

    const after = documentFrom(await documents.load({ docId }));
    if (example.valid) {
      // Some valid edits change nothing (a level-1 heading made level 1): nothing to pass on.
      const decoded = Y.decodeUpdate(example.update);
      const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
      expect(outcome).toBe(empty ? 'ignored' : 'handled');
      expect(sent.some((post) => post.connectionId === 'peer')).toBe(!empty);
    } else {
      // The pre-check may name another rule the update also breaks than the full guard would.
      expect(outcome).toEqual({ closed: CloseCode.schema, reason: expect.stringMatching(/^schema\./) });
      expect(Y.encodeStateVector(after)).toEqual(before);
      expect(sent.filter((post) => post.connectionId === 'peer')).toEqual([]);
    }
  });
});

describe('[G8] the schema guard at the host’s socket (dynalite)', () => {
  it('closes a writer that puts a Y.Text into the editor’s root, storing and passing on nothing', async () => {
    const host = await startTestHost({ schemaGuard: true });
    const issuer = createTicketIssuer({ dynamoEndpoint: host.dynamoEndpoint });
    onTestFinished(() => issuer.close());
    const docId = 'stmt_hostile';
    const url = async (name: string) => {
      const ticket = await issuer.issue({ principal: testPrincipal(name), docId, access: 'write' });
      return `${host.url.replace('http', 'ws')}/ws?doc=${docId}&ticket=${ticket}`;
    };
    const honest = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('We affirm.')]);
    honest.getXmlFragment('default').insert(0, [paragraph]);
    const writer = await openRawAttacker({ url: await url('writer') });
    expect(await writer.send(frame(Y.encodeStateAsUpdate(honest)))).toEqual({ alive: true });
    const peer = connectEditor({ where: () => host, docId, principal: testPrincipal('peer', 'observer'), access: 'read' });
    onTestFinished(() => peer.destroy());
    await peer.synced();

    const evil = new Y.Doc();
    evil.getText('default').insert(0, 'blank for everyone');
    const fate = await writer.send(frame(Y.encodeStateAsUpdate(evil)));

    expect(fate).toMatchObject({ alive: false, announced: CloseCode.schema });
    await peer.roundTrip();
    expect(Y.decodeStateVector(Y.encodeStateVector(peer.doc)).has(evil.clientID)).toBe(false);
    const store = createDocumentStore({ client: createDynamoClient({ endpoint: host.dynamoEndpoint }), tableName: 'concord' });
    await eventually(async () => documentFrom(await store.load({ docId })).getXmlFragment('default').length === 1);
    const stored = documentFrom(await store.load({ docId }));
    expect(stored.getXmlFragment('default').toString()).toBe('<paragraph>We affirm.</paragraph>');
  });
});
