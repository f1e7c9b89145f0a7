import { isDomainError } from '@concord/core';
import { createDocumentStore } from '@concord/data';
import type { DocumentStore } from '@concord/sync';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { describe, expect, it } from 'vitest';
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
