import { yUpdateToText } from '@concord/text';
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { changeSettings, createStatement, readSettingsFields, type SettingsFields } from './statement-settings.ts';
import { caught, coalitionId, createFakeContext, seedCoalition, seedDrafts } from './testing/fakes.ts';

const now = 1_800_000_000_000;
const open: SettingsFields = { title: 'Open draft', scope: 'coalition', taskForceId: '', advisory: true, observers: true, penHolderIds: [], advisoryParticipation: true, amendmentDecisions: 'editors' };

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  await seedDrafts(fake);
  return { fake, ...seeded };
}

const status = (thrown: unknown) => (isHttpError(thrown) ? thrown.status : thrown);

describe('readSettingsFields', () => {
  it('reads the sharing form', () => {
    const form = new FormData();
    form.set('title', '  A title ');
    form.set('scope', 'members');
    form.set('advisory', 'on');
    form.append('penHolderIds', 'org_A');
    form.append('penHolderIds', 'org_B');
    expect(readSettingsFields(form)).toEqual({ title: 'A title', scope: 'members', taskForceId: '', advisory: true, observers: false, penHolderIds: ['org_A', 'org_B'], advisoryParticipation: false, amendmentDecisions: '' });
  });
});

describe('createStatement', () => {
  it('stores the statement, its first text from Markdown, and records the act', async () => {
    const { fake, people } = await setup();
    const statement = await createStatement({ context: fake.context, actor: people.member, fields: { ...open, penHolderIds: ['org_Member'] }, language: 'fr', markdown: '# Titre\n\nPremier paragraphe.', now });
    expect(await fake.context.directory.statements.get(statement.id)).toMatchObject({ title: 'Open draft', language: 'fr', penHolderIds: ['org_Member'] });
    expect(fake.calls.updates).toHaveLength(1);
    expect(yUpdateToText({ update: fake.calls.updates[0]!.update })).toContain('Premier paragraphe.');
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'statement.created', subject: { kind: 'statement', id: statement.id } });
  });

  it('refuses observers, an unknown language, non-member pen-holders, and a sharing that hides the draft from its author', async () => {
    const { fake, people } = await setup();
    expect(status(await caught(() => createStatement({ context: fake.context, actor: people.observer, fields: open, language: 'en', markdown: '', now })))).toBe(403);
    await expect(createStatement({ context: fake.context, actor: people.member, fields: open, language: 'xx', markdown: '', now })).rejects.toMatchObject({ code: 'input.language' });
    await expect(createStatement({ context: fake.context, actor: people.member, fields: { ...open, penHolderIds: ['org_Advisory'] }, language: 'en', markdown: '', now })).rejects.toMatchObject({ code: 'input.penHolderIds' });
    const tf = { id: 'tf_X', coalitionId, name: 'X', organisationIds: ['org_Other'] };
    await fake.context.directory.taskForces.put(tf);
    await expect(createStatement({ context: fake.context, actor: people.member, fields: { ...open, scope: 'task-force', taskForceId: 'tf_X' }, language: 'en', markdown: '', now })).rejects.toMatchObject({ code: 'input.scope' });
    expect(fake.calls.updates).toHaveLength(0);
  });
});

describe('changeSettings', () => {
  it('saves the sharing, records before and after, and reconnects every open editor', async () => {
    const { fake, people } = await setup();
    const result = await changeSettings({ context: fake.context, actor: people.secretariat, statementId: 'stmt_D', fields: { ...open, title: 'Draft', scope: 'members' }, now });
    expect(result).toEqual({ changed: true });
    expect((await fake.context.directory.statements.get('stmt_D'))?.visibility.scope).toBe('members');
    expect(fake.store.audit.at(-1)).toMatchObject({
      action: 'statement.sharing-changed',
      details: {
        before: 'coalition; advisory: yes; observers: yes; pen-holders: none; advisory takes part: yes; decisions: editors',
        after: 'members; advisory: yes; observers: yes; pen-holders: none; advisory takes part: yes; decisions: editors',
      },
    });
    expect(fake.calls.evictedDocuments).toEqual([{ docId: 'stmt_D', reason: 'access.sharing-changed' }]);
  });

  it('changes nothing when nothing changed', async () => {
    const { fake, people } = await setup();
    expect(await changeSettings({ context: fake.context, actor: people.chair, statementId: 'stmt_D', fields: { ...open, title: 'Draft' }, now })).toEqual({ changed: false });
    expect(fake.calls.evictedDocuments).toEqual([]);
  });

  it('hides a draft not shared with the actor (404) and refuses members who may see it (403)', async () => {
    const { fake, people } = await setup();
    expect(status(await caught(() => changeSettings({ context: fake.context, actor: people.observer, statementId: 'stmt_M', fields: open, now })))).toBe(404);
    expect(status(await caught(() => changeSettings({ context: fake.context, actor: people.member, statementId: 'stmt_D', fields: open, now })))).toBe(403);
    expect(status(await caught(() => changeSettings({ context: fake.context, actor: people.chair, statementId: 'stmt_NOPE', fields: open, now })))).toBe(404);
    expect(fake.calls.evictedDocuments).toEqual([]);
  });
});
