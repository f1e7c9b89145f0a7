import { isDomainError, translationDocId } from '@concord/core';
import { openDraft } from '@concord/core/testing/statement';
import { documentFrom } from '@concord/sync';
import { createMemoryDocumentStore } from '@concord/sync/memory';
import { hashCanonicalText, readTranslation, translationState } from '@concord/text';
import { createMemoryTranslationStore, createTranslationService } from '@concord/translations';
import { createMemoryVersionStore } from '@concord/versions';
import { statementWriter } from '@concord/versions/testing';
import { describe, expect, it } from 'vitest';
import { caught, coalitionId, createFakeContext, seedCoalition } from '../testing/fakes.ts';
import type { TranslationsDeps } from './context.ts';
import { addTranslation, markParagraphCurrent, translationList, translationPage, translationTicketAccess } from './translations.ts';

const now = 1_800_000_000_000;

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  const draft = openDraft({ id: 'stmt_T', coalitionId, visibility: { scope: 'coalition', taskForceId: null, advisory: true, observers: false } });
  await fake.context.directory.statements.put(draft);
  const documents = createMemoryDocumentStore();
  const deps: TranslationsDeps = {
    directory: fake.context.directory,
    audit: fake.context.audit,
    service: createTranslationService({ store: createMemoryTranslationStore(), documents, versions: createMemoryVersionStore() }),
    live: { broadcastUpdate: async (input) => void (await documents.appendUpdate({ ...input, origin: 'server' })) },
    now: () => now,
  };
  const writer = statementWriter(5);
  const write = (update: Uint8Array) => documents.appendUpdate({ docId: 'stmt_T', update, origin: 'c', author: 'usr_Member org_Member' });
  return { fake, ...seeded, deps, writer, write, documents };
}

const code = (thrown: unknown) => (isDomainError(thrown) ? `${thrown.kind}:${thrown.code}` : thrown);

describe('translations in the web app', () => {
  it('adds a language, marks a stale paragraph current after review — both audited — and lists the outcome', async () => {
    const { deps, people, writer, write, documents, fake } = await setup();
    await write(writer.paragraph('We urge action.'));
    expect(await addTranslation({ deps, principal: people.member, statementId: 'stmt_T', language: 'ar' })).toBe('ar');
    const docId = translationDocId({ statementId: 'stmt_T', language: 'ar' });
    await documents.appendUpdate({ docId, update: translationState({ title: 'بيان', paragraphs: [{ sourceHash: hashCanonicalText({ text: 'We urge action.' }), text: 'نحث على العمل.' }] }), origin: 'c', author: 'usr_Member org_Member' });
    await write(writer.type(0, ' Now.'));

    const page = await translationPage({ deps, principal: people.member, statementId: 'stmt_T', language: 'ar' });
    expect(page.translation).toMatchObject({ language: 'ar', dir: 'rtl', docId });
    expect(page.canTranslate).toBe(true);
    await markParagraphCurrent({ deps, principal: people.member, statementId: 'stmt_T', language: 'ar', source: 0, hash: page.source[0]!.hash });
    expect(readTranslation({ doc: documentFrom(await documents.load({ docId })) }).paragraphs[0]?.sourceHash).toBe(page.source[0]!.hash);

    const list = await translationList({ deps, principal: people.member, statementId: 'stmt_T' });
    expect(list.translations).toEqual([{ language: 'ar', dir: 'rtl', name: 'العربية', summary: expect.objectContaining({ complete: true, current: true }) }]);
    expect(list.available.map((a) => a.language)).not.toContain('ar');
    expect(list.available.map((a) => a.language)).not.toContain('en');
    const acts = (await fake.context.audit.all({ coalitionId })).map((entry) => entry.action);
    expect(acts).toEqual(expect.arrayContaining(['translation.added', 'translation.marked-current']));
  });

  it('lets an advisory organisation read but not translate, and hides the draft from an observer', async () => {
    const { deps, people } = await setup();
    await addTranslation({ deps, principal: people.member, statementId: 'stmt_T', language: 'fr' });
    expect(await translationTicketAccess({ deps, principal: people.advisory, statementId: 'stmt_T', language: 'fr' })).toMatchObject({ access: 'read' });
    expect(await translationTicketAccess({ deps, principal: people.member, statementId: 'stmt_T', language: 'fr' })).toMatchObject({ access: 'write' });
    expect(code(await caught(() => addTranslation({ deps, principal: people.advisory, statementId: 'stmt_T', language: 'es' })))).toBe('forbidden:forbidden.cannot-translate');
    expect(code(await caught(() => translationList({ deps, principal: people.observer, statementId: 'stmt_T' })))).toBe('not-found:statement.not-found');
    expect(code(await caught(() => translationTicketAccess({ deps, principal: people.member, statementId: 'stmt_T', language: 'es' })))).toBe('not-found:translations.not-found');
  });

  it('refuses a language twice or not offered, storing nothing new', async () => {
    const { deps, people, fake } = await setup();
    await addTranslation({ deps, principal: people.member, statementId: 'stmt_T', language: 'fr' });
    expect(code(await caught(() => addTranslation({ deps, principal: people.member, statementId: 'stmt_T', language: 'fr' })))).toBe('conflict:translations.exists');
    expect(code(await caught(() => addTranslation({ deps, principal: people.member, statementId: 'stmt_T', language: 'xx' })))).toBe('input:translations.language');
    expect((await translationList({ deps, principal: people.member, statementId: 'stmt_T' })).translations.map((t) => t.language)).toEqual(['fr']);
    expect((await fake.context.audit.all({ coalitionId })).filter((e) => e.action === 'translation.added')).toHaveLength(1);
  });
});
