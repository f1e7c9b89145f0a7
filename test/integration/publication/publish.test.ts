import { createCallStore } from '@concord/data';
import { previewPublication, publish, withdrawPublication } from '@concord/publication';
import { markdownToYUpdate } from '@concord/text';
import { describe, expect, it } from 'vitest';
import { codeOf, publicationWorld } from './setup.ts';

describe('[DC6] publish', () => {
  it('snapshots the adopted version: its text as HTML, hash, adoption record and translations', async () => {
    const translations = [{ language: 'ar', dir: 'rtl' as const, title: 'بيان مشترك', paragraphs: ['ندعو الدول.', 'فقرة ثانية.'] }];
    const world = await publicationWorld({ translations: { forPublication: async () => translations } });
    const statement = await world.statement();
    const call = await world.adopt(statement);
    const now = Date.UTC(2026, 10, 23, 12);
    const published = await publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now });
    expect(published.slug).toBe('joint-statement-on-surveillance-2026');
    const stored = await world.ports.publications.bySlug(published.slug);
    expect(stored).toMatchObject({ status: 'published', version: call.version, coalitionName: 'Freedom Online Coalition', dir: 'ltr', translations });
    expect(stored?.html).toBe('<p>We <strong>call</strong> on states.</p>\n<p>Second paragraph.</p>');
    expect(stored?.record).toMatchObject({ callId: call.id, procedure: { kind: 'silence' }, endorsing: [{ name: 'Chair', stance: 'silent' }] });
    expect(await world.auditActions()).toContain('statement.published');
  });

  it('publishes what was adopted, not the live text edited since', async () => {
    const world = await publicationWorld();
    const statement = await world.statement();
    const call = await world.adopt(statement);
    // Adoption keeps the text frozen; thawed by hand here to show the live text is never what is published.
    await world.documents.unfreeze({ docId: statement.id, by: call.id });
    await world.documents.appendUpdate({ docId: statement.id, update: markdownToYUpdate({ markdown: 'Edited afterwards.' }), origin: 'test' });
    const published = await publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now: Date.now() });
    expect(published.plainText).not.toContain('Edited afterwards');
    expect(published.plainText).toBe('We call on states.\nSecond paragraph.');
  });

  it('keeps an adopted text frozen by its call, so no edit reaches it', async () => {
    const world = await publicationWorld();
    const statement = await world.statement();
    const call = await world.adopt(statement);
    expect(await world.documents.frozenBy({ docId: statement.id })).toBe(call.id);
    await expect(world.documents.appendUpdate({ docId: statement.id, update: markdownToYUpdate({ markdown: 'Typed after adoption.' }), origin: 'test' })).rejects.toMatchObject({
      code: 'sync.document-frozen',
    });
  });

  it('publishes once, even when two people publish at the same moment', async () => {
    const world = await publicationWorld({ jitterMs: 5 });
    const statement = await world.statement();
    await world.adopt(statement);
    const attempts = await Promise.allSettled([world.people.chair, world.people.secretariat].map((actor) => publish({ ports: world.ports, actor, statementId: statement.id, now: Date.now() })));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason.code)).toEqual(['publication.already-published']);
    expect(await world.ports.publications.list()).toHaveLength(1);
    expect(await codeOf(() => publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now: Date.now() }))).toBe('publication.already-published');
  });

  it('gives each declaration its own slug, for ever', async () => {
    const world = await publicationWorld();
    const [a, b] = [await world.statement(), await world.statement()];
    await world.adopt(a);
    await world.adopt(b);
    const now = Date.UTC(2026, 0, 1);
    const first = await publish({ ports: world.ports, actor: world.people.chair, statementId: a.id, now });
    const second = await publish({ ports: world.ports, actor: world.people.chair, statementId: b.id, now });
    expect([first.slug, second.slug]).toEqual(['joint-statement-on-surveillance-2026', 'joint-statement-on-surveillance-2026-2']);
    expect((await world.ports.publications.bySlug(second.slug))?.statementId).toBe(b.id);
  });

  it('publishes under the public title and slug the chair sets, previewed first; a bad or taken slug is refused and nothing is published', async () => {
    const world = await publicationWorld();
    const [a, b] = [await world.statement({ title: 'WG draft v7 (internal)' }), await world.statement()];
    await world.adopt(a);
    await world.adopt(b);
    const now = Date.UTC(2026, 0, 1);
    const chair = world.people.chair;
    expect(await previewPublication({ ports: world.ports, actor: chair, statementId: a.id, title: 'Freedom Online Declaration', now })).toEqual({
      title: 'Freedom Online Declaration',
      slug: 'freedom-online-declaration-2026',
      chosen: false,
      available: true,
    });
    expect(await codeOf(() => publish({ ports: world.ports, actor: chair, statementId: a.id, title: 'Freedom', slug: 'Freedom Online', now }))).toBe('publication.slug-invalid');
    expect(await codeOf(() => publish({ ports: world.ports, actor: chair, statementId: a.id, title: ' ', slug: null, now }))).toBe('publication.title-required');
    expect(await world.ports.publications.record(a.id)).toBeNull();
    // No title given (an older client): the working title, as before.
    const published = await publish({ ports: world.ports, actor: chair, statementId: a.id, now });
    expect(published.title).toBe('WG draft v7 (internal)');
    expect(await previewPublication({ ports: world.ports, actor: chair, statementId: b.id, slug: published.slug, now })).toMatchObject({ chosen: true, available: false });
    expect(await codeOf(() => publish({ ports: world.ports, actor: chair, statementId: b.id, title: 'Other', slug: published.slug, now }))).toBe('publication.slug-taken');
    expect(await world.ports.publications.record(b.id)).toBeNull();
    const chosen = await publish({ ports: world.ports, actor: chair, statementId: b.id, title: '  Freedom Online Declaration ', slug: 'freedom-online-2026', now });
    expect([chosen.title, chosen.slug]).toEqual(['Freedom Online Declaration', 'freedom-online-2026']);
    expect((await world.ports.publications.bySlug('freedom-online-2026'))?.title).toBe('Freedom Online Declaration');
  });

  it('refuses a statement that was not adopted, and members who do not run the coalition', async () => {
    const world = await publicationWorld();
    const draft = await world.statement();
    expect(await codeOf(() => publish({ ports: world.ports, actor: world.people.chair, statementId: draft.id, now: Date.now() }))).toBe('publication.not-adopted');
    await world.adopt(draft);
    expect(await codeOf(() => publish({ ports: world.ports, actor: world.people.member, statementId: draft.id, now: Date.now() }))).toBe('forbidden.not-manager');
    expect(await world.ports.publications.list()).toEqual([]);
  });

  it('never publishes nor lists a statement whose call was withdrawn, or closed not adopted', async () => {
    const world = await publicationWorld();
    const template = await world.adopt(await world.statement({ title: 'Adopted elsewhere' }));
    const calls = createCallStore(world.dynamo);
    const call = (id: string, statementId: string) => ({ ...template, id, statementId, status: 'open' as const, outcome: null, closedAt: null, closedBy: null, deadline: Date.now() + 60_000, electorate: ['org_Estonia'] });
    const withdrawn = await world.statement({ title: 'Withdrawn before publication' });
    await calls.create(call('call_withdrawn', withdrawn.id));
    await calls.withdraw({ callId: 'call_withdrawn', by: 'usr_Chair', now: Date.now() });
    const objected = await world.statement({ title: 'Objected to' });
    await calls.create(call('call_objected', objected.id));
    const position = { organisationId: 'org_Estonia', stance: 'object' as const, confirmed: false, reason: 'No.', explanation: null, actedBy: 'usr_Member', at: Date.now() };
    await calls.takePosition({ callId: 'call_objected', position, now: Date.now() });
    expect((await calls.close({ callId: 'call_objected', by: 'usr_Chair', now: Date.now() }))?.outcome?.result).toBe('not-adopted');
    for (const statement of [withdrawn, objected]) {
      expect(await codeOf(() => publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now: Date.now() }))).toBe('publication.not-adopted');
    }
    expect(await world.ports.publications.list()).toEqual([]);
  });

  it('withdraws with a reason, keeping the declaration and its text', async () => {
    const world = await publicationWorld();
    const statement = await world.statement();
    await world.adopt(statement);
    const published = await publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now: Date.now() });
    expect(await codeOf(() => withdrawPublication({ ports: world.ports, actor: world.people.chair, statementId: statement.id, reason: ' ', now: Date.now() }))).toBe('publication.reason-required');
    await withdrawPublication({ ports: world.ports, actor: world.people.secretariat, statementId: statement.id, reason: 'Superseded by the 2027 declaration.', now: Date.now() });
    const stored = await world.ports.publications.bySlug(published.slug);
    expect(stored).toMatchObject({ status: 'withdrawn', withdrawn: { by: 'usr_Sec', reason: 'Superseded by the 2027 declaration.' }, html: published.html });
    expect(await codeOf(() => withdrawPublication({ ports: world.ports, actor: world.people.chair, statementId: statement.id, reason: 'Again.', now: Date.now() }))).toBe('publication.already-withdrawn');
    expect(await world.auditActions()).toContain('publication.withdrawn');
  });
});

describe('a long declaration', () => {
  it('publishes a text larger than one item holds, and reads it back whole', async () => {
    const paragraph = (n: number) => `Paragraph ${n}: ${'States shall respect human rights online as offline, without exception. '.repeat(3)}`;
    const markdown = Array.from({ length: 2_500 }, (_, n) => paragraph(n)).join('\n\n');
    const world = await publicationWorld();
    const statement = await world.statement({ markdown });
    await world.adopt(statement);
    const published = await publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now: Date.now() });
    expect(new TextEncoder().encode(published.html).length).toBeGreaterThan(400 * 1024);
    const stored = await world.ports.publications.bySlug(published.slug);
    expect(stored?.html).toBe(published.html);
    expect(stored?.plainText.split('\n')).toHaveLength(2_500);
  });
});
