import { translationDocId } from '@concord/core';
import { createDocumentStore } from '@concord/data';
import { readTranslation, translationState } from '@concord/text';
import { documentFrom } from '@concord/sync';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

describe('a statement frozen for a consensus call', () => {
  it('still takes edits to its translations: they are other documents', async () => {
    const documents = createDocumentStore(await startDynalite());
    const statementId = 'stmt_01JFROZEN';
    expect(await documents.freeze({ docId: statementId, by: 'call_1' })).toBe(true);
    await expect(documents.appendUpdate({ docId: statementId, update: new Uint8Array([0, 0]), origin: 'c1' })).rejects.toMatchObject({ code: 'sync.document-frozen' });

    const docId = translationDocId({ statementId, language: 'ar' });
    await documents.appendUpdate({ docId, update: translationState({ title: 'بيان', paragraphs: [{ sourceHash: 'h', text: 'نص' }] }), origin: 'c1' });
    expect(await documents.frozenBy({ docId })).toBeNull();
    expect(readTranslation({ doc: documentFrom(await documents.load({ docId })) }).title).toBe('بيان');
  });
});
