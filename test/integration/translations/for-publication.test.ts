import { createDocumentStore, createTranslationStore, createVersionStore } from '@concord/data';
import { translationDocId, type TranslationLanguage } from '@concord/core';
import { hashCanonicalText, translationState } from '@concord/text';
import { createMemoryTranslationStore, createTranslationService, type TranslationStore } from '@concord/translations';
import { createVersionService } from '@concord/versions';
import { statementWriter } from '@concord/versions/testing';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const statementId = 'stmt_01JTRANSLATE';
const author = { userId: 'usr_ada', organisationId: 'org_member' };
const hash = (text: string) => hashCanonicalText({ text });

const stores: [string, () => Promise<TranslationStore>][] = [
  ['memory', async () => createMemoryTranslationStore()],
  ['dynalite', async () => createTranslationStore(await startDynalite())],
];

describe.each(stores)('TranslationStore (%s)', (_name, make) => {
  it('stores a language once, even when two people add it at the same moment', async () => {
    const store = await make();
    const translation = { statementId, language: 'ar' as const, createdAt: 1, createdBy: author };
    const results = await Promise.all([store.add({ translation }), store.add({ translation: { ...translation, createdAt: 2 } })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.add({ translation: { ...translation, language: 'fr' } });
    await store.add({ translation: { ...translation, statementId: 'stmt_OTHER', language: 'es' } });
    expect((await store.list({ statementId })).map((t) => t.language)).toEqual(['ar', 'fr']);
  });
});

/** A statement with named versions and translations, all on dynalite. */
async function setup() {
  const dynamo = await startDynalite();
  const documents = createDocumentStore(dynamo);
  const versionStore = createVersionStore(dynamo);
  const versions = createVersionService({ documents, versions: versionStore });
  const store = createTranslationStore(dynamo);
  const service = createTranslationService({ store, documents, versions: versionStore });
  const writer = statementWriter(7);
  const write = (update: Uint8Array) => documents.appendUpdate({ docId: statementId, update, origin: 'c1', author: `${author.userId} ${author.organisationId}` });
  const translate = async (language: TranslationLanguage, content: { title: string; paragraphs: { sourceHash: string; text: string }[] }) => {
    await service.add({ statementId, sourceLanguage: 'en', language, by: author, now: 1 });
    await documents.appendUpdate({ docId: translationDocId({ statementId, language }), update: translationState(content), origin: 'c2', author: 'usr_t org_t' });
  };
  const name = async (label: string) => (await versions.nameVersion({ docId: statementId, name: label, actor: author, now: Date.now() })).hash;
  return { service, writer, write, translate, name, documents };
}

describe('translations for publication', () => {
  it('carries the translations complete and current against the published version, each with its language and direction', async () => {
    const { service, writer, write, translate, name } = await setup();
    await write(writer.paragraph('We urge action.'));
    await write(writer.paragraph('We call on all parties.'));
    const rev1 = await name('Rev. 1');
    const p1 = hash('We urge action.');
    const p2 = hash('We call on all parties.');
    await translate('ar', { title: 'بيان مشترك', paragraphs: [{ sourceHash: p1, text: 'نحث على العمل.' }, { sourceHash: p2, text: 'ندعو جميع الأطراف.' }] });
    await translate('fr', { title: 'Déclaration', paragraphs: [{ sourceHash: p1, text: 'Nous appelons à agir.' }] });
    await translate('es', { title: 'Declaración', paragraphs: [{ sourceHash: p1, text: 'Instamos a actuar.' }, { sourceHash: p2, text: '   ' }] });

    expect(await service.forPublication({ statementId, versionHash: rev1 })).toEqual([
      { language: 'ar', dir: 'rtl', title: 'بيان مشترك', paragraphs: ['نحث على العمل.', 'ندعو جميع الأطراف.'] },
    ]);
  });

  it('leaves out a translation whose source paragraph changed, and keeps it for the version it translates', async () => {
    const { service, writer, write, translate, name } = await setup();
    await write(writer.paragraph('We urge action.'));
    const rev1 = await name('Rev. 1');
    await translate('fr', { title: 'Déclaration', paragraphs: [{ sourceHash: hash('We urge action.'), text: 'Nous appelons à agir.' }] });
    await write(writer.type(0, ' Now.'));
    const rev2 = await name('Rev. 2');

    expect(await service.forPublication({ statementId, versionHash: rev2 })).toEqual([]);
    expect((await service.forPublication({ statementId, versionHash: rev1 })).map((t) => t.language)).toEqual(['fr']);
    const [overview] = await service.list({ statementId });
    expect(overview?.summary).toMatchObject({ stale: 1, missing: 0, complete: true, current: false });
  });

  it('publishes again once a stale paragraph is marked current after review', async () => {
    const { service, writer, write, translate, name, documents } = await setup();
    await write(writer.paragraph('We urge action.'));
    await translate('fr', { title: '', paragraphs: [{ sourceHash: hash('We urge action.'), text: 'Nous appelons à agir.' }] });
    await write(writer.type(0, ' Now.'));
    const rev = await name('Rev. 1');
    const view = await service.view({ statementId, language: 'fr' });
    expect(view.rows.map((r) => r.state)).toEqual(['stale']);

    await expect(service.markCurrent({ statementId, language: 'fr', source: 0, hash: hash('We urge action.') })).rejects.toMatchObject({ code: 'translations.source-changed' });
    expect(await service.forPublication({ statementId, versionHash: rev })).toEqual([]);

    const update = await service.markCurrent({ statementId, language: 'fr', source: 0, hash: view.source[0]!.hash });
    await documents.appendUpdate({ docId: translationDocId({ statementId, language: 'fr' }), update, origin: 'server', author: 'usr_ada org_member' });
    expect(await service.forPublication({ statementId, versionHash: rev })).toEqual([{ language: 'fr', dir: 'ltr', title: '', paragraphs: ['Nous appelons à agir.'] }]);
    await expect(service.markCurrent({ statementId, language: 'fr', source: 0, hash: view.source[0]!.hash })).rejects.toMatchObject({ code: 'translations.not-stale' });
  });

  it('refuses an unknown version hash and a language not offered, storing nothing', async () => {
    const { service } = await setup();
    await expect(service.forPublication({ statementId, versionHash: '0'.repeat(64) })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(service.add({ statementId, sourceLanguage: 'en', language: 'klingon', by: author, now: 1 })).rejects.toMatchObject({ code: 'translations.language' });
    await expect(service.add({ statementId, sourceLanguage: 'en', language: 'en', by: author, now: 1 })).rejects.toMatchObject({ code: 'translations.language' });
    expect(await service.list({ statementId })).toEqual([]);
  });
});
