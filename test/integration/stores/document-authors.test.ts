import { createDocumentStore } from '@concord/data';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import type { DocumentStore } from '@concord/sync';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const stores: [string, () => Promise<DocumentStore>][] = [
  ['memory', async () => createMemoryDocumentStore()],
  ['dynalite', async () => { const { client, tableName } = await startDynalite(); return createDocumentStore({ client, tableName }); }],
];

describe.each(stores)('the authors of a document (%s)', (_name, make) => {
  it('collects each author once and hands them over once, keeping later ones for next time', async () => {
    const documents = await make();
    const update = new Uint8Array([0, 0]);
    await documents.appendUpdate({ docId: 'stmt_a', update, origin: 'c1', author: 'usr_1 org_1' });
    await documents.appendUpdate({ docId: 'stmt_a', update, origin: 'c2', author: 'usr_2 org_2' });
    await documents.appendUpdate({ docId: 'stmt_a', update, origin: 'c1', author: 'usr_1 org_1' });
    await documents.appendUpdate({ docId: 'stmt_a', update, origin: 'seed' });
    expect((await documents.takeAuthors({ docId: 'stmt_a' })).sort()).toEqual(['usr_1 org_1', 'usr_2 org_2']);
    expect(await documents.takeAuthors({ docId: 'stmt_a' })).toEqual([]);
    await documents.appendUpdate({ docId: 'stmt_a', update, origin: 'c3', author: 'usr_3 org_1' });
    expect(await documents.takeAuthors({ docId: 'stmt_a' })).toEqual(['usr_3 org_1']);
    expect(await documents.takeAuthors({ docId: 'stmt_other' })).toEqual([]);
  });
});
