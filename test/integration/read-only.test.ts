import { createDocumentStore, createDynamoClient } from '@concord/data';
import { documentFrom } from '@concord/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectEditor, testPrincipal } from '../support/clients.ts';
import { startTestHost } from '../support/test-host.ts';

describe('[G2] a read-only connection', () => {
  it('has its updates refused: never stored, never passed on, and told so', async () => {
    const host = await startTestHost();
    const where = () => host;
    const docId = 'stmt_readonly';
    const writer = connectEditor({ where, docId, principal: testPrincipal('writer'), access: 'write' });
    const reader = connectEditor({ where, docId, principal: testPrincipal('observer', 'observer'), access: 'read' });
    await Promise.all([writer.synced(), reader.synced()]);
    writer.text.insert(0, 'Agreed text.');
    await writer.roundTrip();

    reader.text.insert(0, 'Forged: ');
    await reader.roundTrip();
    await writer.roundTrip();

    expect(reader.refusals()).toBeGreaterThan(0);
    expect(writer.text.toString()).toBe('Agreed text.');
    const store = createDocumentStore({ client: createDynamoClient({ endpoint: host.dynamoEndpoint }), tableName: 'concord' });
    const stored = documentFrom(await store.load({ docId }));
    expect(stored.getText('text').toString()).toBe('Agreed text.');
    expect(Y.decodeStateVector(Y.encodeStateVector(stored)).has(reader.doc.clientID)).toBe(false);
    // The reader still follows the writer's changes.
    writer.text.insert(writer.text.length, ' More.');
    await writer.roundTrip();
    await reader.roundTrip();
    expect(reader.text.toString()).toContain('Agreed text. More.');
    writer.destroy();
    reader.destroy();
  });
});
