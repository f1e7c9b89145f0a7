import { createDocumentActivity, createDocumentStore } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

describe('createDocumentActivity', () => {
  it('reports when each written document last received an update, and nothing for the others', async () => {
    const { client, tableName } = await startDynalite();
    let now = 1_000;
    const documents = createDocumentStore({ client, tableName, now: () => now });
    await documents.appendUpdate({ docId: 'stmt_a', update: new Uint8Array([0, 0]), origin: 'test' });
    now = 2_000;
    await documents.appendUpdate({ docId: 'stmt_b', update: new Uint8Array([0, 0]), origin: 'test' });
    now = 3_000;
    await documents.appendUpdate({ docId: 'stmt_a', update: new Uint8Array([0, 0]), origin: 'test' });

    const activity = await createDocumentActivity({ client, tableName }).lastWritten({ docIds: ['stmt_a', 'stmt_b', 'stmt_never'] });

    expect([...activity].sort()).toEqual([
      ['stmt_a', 3_000],
      ['stmt_b', 2_000],
    ]);
  });
});
