import { translationDocId } from '@concord/core';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { hashCanonicalText, translationState } from '@concord/text';
import { createMemoryVersionStore, createVersionService } from '@concord/versions';
import { statementWriter } from '@concord/versions/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryTranslationStore } from './memory-store.ts';
import { createTranslationService } from './service.ts';

const statementId = 'stmt_S';
const by = { userId: 'usr_a', organisationId: 'org_a' };
const hash = (text: string) => hashCanonicalText({ text });

async function setup() {
  const documents = createMemoryDocumentStore();
  const versionStore = createMemoryVersionStore();
  const versions = createVersionService({ documents, versions: versionStore });
  const service = createTranslationService({ store: createMemoryTranslationStore(), documents, versions: versionStore });
  const writer = statementWriter(1);
  const write = (update: Uint8Array) => documents.appendUpdate({ docId: statementId, update, origin: 'c', author: 'usr_a org_a' });
  const translate = async (paragraphs: { sourceHash: string; text: string }[]) => {
    await service.add({ statementId, sourceLanguage: 'en', language: 'fr', by, now: 1 });
    await documents.appendUpdate({ docId: translationDocId({ statementId, language: 'fr' }), update: translationState({ title: 'T', paragraphs }), origin: 'c' });
  };
  const name = async (label: string) => (await versions.nameVersion({ docId: statementId, name: label, actor: by, now: 1 })).hash;
  return { service, writer, write, translate, name };
}

describe('TranslationService.forPublication', () => {
  it('publishes one translated paragraph per source paragraph, leaving out one whose source was removed', async () => {
    const { service, writer, write, translate, name } = await setup();
    await write(writer.paragraph('One.'));
    await write(writer.paragraph('Three.'));
    const version = await name('Rev. 1');
    await translate([
      { sourceHash: hash('One.'), text: 'Un.' },
      { sourceHash: hash('Two.'), text: 'Deux.' },
      { sourceHash: hash('Three.'), text: 'Trois.' },
    ]);
    expect(await service.forPublication({ statementId, versionHash: version })).toEqual([{ language: 'fr', dir: 'ltr', title: 'T', paragraphs: ['Un.', 'Trois.'] }]);
  });

  it('leaves out a translation missing a paragraph the source gained', async () => {
    const { service, writer, write, translate, name } = await setup();
    await write(writer.paragraph('One.'));
    await write(writer.paragraph('Two.'));
    const version = await name('Rev. 1');
    await translate([{ sourceHash: hash('One.'), text: 'Un.' }]);
    expect(await service.forPublication({ statementId, versionHash: version })).toEqual([]);
    const view = await service.view({ statementId, language: 'fr' });
    expect(view.rows.map((r) => r.state)).toEqual(['current', 'missing']);
  });
});
