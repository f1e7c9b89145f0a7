import { isDomainError } from '@concord/core';
import { createDocumentStore, createDynamoClient, ensureTable, storeKeyOf } from '@concord/data';
import { registerFreezeFence, type DocumentStore } from '@concord/sync';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const stores: [string, () => Promise<DocumentStore>][] = [
  ['memory', async () => createMemoryDocumentStore()],
  ['dynalite', async () => { const { client, tableName } = await startDynalite(); return createDocumentStore({ client, tableName }); }],
];
const update = new Uint8Array([0, 0]);

describe.each(stores)('freezing a document (%s)', (_name, make) => {
  it('refuses every update while frozen, storing nothing, and takes them again once unfrozen', async () => {
    const documents = await make();
    await documents.appendUpdate({ docId: 'stmt_f', update, origin: 'c1' });
    expect(await documents.freeze({ docId: 'stmt_f', by: 'call_1' })).toBe(true);
    expect(await documents.frozenBy({ docId: 'stmt_f' })).toBe('call_1');
    await expect(documents.appendUpdate({ docId: 'stmt_f', update, origin: 'c1' })).rejects.toSatisfy(
      (error: unknown) => isDomainError(error) && error.code === 'sync.document-frozen',
    );
    expect((await documents.load({ docId: 'stmt_f' })).updates).toHaveLength(1);

    expect(await documents.freeze({ docId: 'stmt_f', by: 'call_2' })).toBe(false);
    await documents.unfreeze({ docId: 'stmt_f', by: 'call_2' });
    expect(await documents.frozenBy({ docId: 'stmt_f' })).toBe('call_1');
    await documents.unfreeze({ docId: 'stmt_f', by: 'call_1' });
    expect(await documents.frozenBy({ docId: 'stmt_f' })).toBeNull();
    await documents.appendUpdate({ docId: 'stmt_f', update, origin: 'c1' });
    expect((await documents.load({ docId: 'stmt_f' })).updates).toHaveLength(2);
  });

  it('freezes only the document it is asked to', async () => {
    const documents = await make();
    await documents.freeze({ docId: 'stmt_a', by: 'call_1' });
    await documents.appendUpdate({ docId: 'stmt_b', update, origin: 'c1' });
    expect((await documents.load({ docId: 'stmt_b' })).updates).toHaveLength(1);
  });
});

describe('freezing a document the local host owns (dynalite)', () => {
  it('passes through the fence registered for its endpoint and table, from any store instance', async () => {
    const { endpoint, client, tableName } = await startDynalite();
    const key = await storeKeyOf(client, tableName);
    expect(key).not.toBeNull();
    const passed: string[] = [];
    const unregister = registerFreezeFence(key ?? '', {
      freezing: async (docId, write) => (passed.push(`freeze ${docId}`), write()),
      unfrozen: (docId) => passed.push(`unfrozen ${docId}`),
    });
    onTestFinished(unregister);
    // Another client of the same store, as the web app's bundle makes its own.
    const elsewhere = createDynamoClient({ endpoint });
    onTestFinished(() => elsewhere.destroy());
    const documents = createDocumentStore({ client: elsewhere, tableName });
    expect(await documents.freeze({ docId: 'stmt_owned', by: 'call_1' })).toBe(true);
    await documents.unfreeze({ docId: 'stmt_owned', by: 'call_1' });
    expect(passed).toEqual(['freeze stmt_owned', 'unfrozen stmt_owned']);

    // Another table of the same endpoint is another store: its freezes pass no fence of this one.
    await ensureTable({ client, tableName: `${tableName}-other` });
    await createDocumentStore({ client, tableName: `${tableName}-other` }).freeze({ docId: 'stmt_owned', by: 'call_2' });
    expect(passed).toHaveLength(2);
  });
});
