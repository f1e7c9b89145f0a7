/** A stored item of another shape than its layout's is refused, naming the item and the field, not cast into a domain object. */
import { createTranslationStore, createVersionStore } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { putRawItem, startDynalite } from '../../support/dynalite.ts';

const author = { userId: 'usr_ada', organisationId: 'org_a' };

describe('the stores refuse a malformed stored item', () => {
  it('a version whose author is a name, not a person and an organisation', async () => {
    const dynamo = await startDynalite();
    const version = { docId: 'stmt_1', seq: 1, kind: 'named', name: 'Rev. 1', hash: 'h', createdAt: 1, createdBy: 'usr_ada', authors: [author], restoredFrom: null, bytes: 3, attempt: 'a', parts: 1 };
    await putRawItem({ dynamo, item: { pk: 'VER#stmt_1', sk: 'V#00000001', ...version } });
    await expect(createVersionStore(dynamo).list({ docId: 'stmt_1' })).rejects.toThrow('stored item VER#stmt_1 / V#00000001: createdBy should be a map, is string "usr_ada"');
  });

  it('a translation whose creation time is a text', async () => {
    const dynamo = await startDynalite();
    await putRawItem({ dynamo, item: { pk: 'TRANS#stmt_1', sk: 'LANG#fr', statementId: 'stmt_1', language: 'fr', createdAt: '1', createdBy: author } });
    await expect(createTranslationStore(dynamo).list({ statementId: 'stmt_1' })).rejects.toThrow('stored item TRANS#stmt_1 / LANG#fr: createdAt should be a number, is string "1"');
  });
});
