import { readFileSync } from 'node:fs';
import { endorsementList } from '@concord/core';
import { closeSignOn, decideEndorsement, endorse, importSignatories, openSignOn, publish } from '@concord/publication';
import { describe, expect, it } from 'vitest';
import { codeOf, publicationWorld } from './setup.ts';

const day = 86_400_000;
const signatories = readFileSync(new URL('../../../../shared/fixtures/joint-statement-surveillance/signatories.txt', import.meta.url), 'utf8');

async function published() {
  const world = await publicationWorld();
  const statement = await world.statement();
  await world.adopt(statement);
  const publication = await publish({ ports: world.ports, actor: world.people.chair, statementId: statement.id, now: Date.now() });
  return { world, statement, publication, ports: world.ports };
}

describe('sign-on', () => {
  it('imports the 124 signatories of the fixture once, names intact and in order', async () => {
    const { world, statement, ports, publication } = await published();
    const first = await importSignatories({ ports, actor: world.people.chair, statementId: statement.id, text: signatories, now: Date.now() });
    expect(first).toEqual({ added: 124, skipped: [] });
    const again = await importSignatories({ ports, actor: world.people.chair, statementId: statement.id, text: 'ACCESS NOW\nA new one\n', now: Date.now() });
    expect(again).toEqual({ added: 1, skipped: ['ACCESS NOW'] });
    const list = endorsementList({ publication, endorsements: await ports.publications.endorsements(statement.id) });
    const names = list.map((e) => e.name);
    const expected = signatories.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(names.slice(0, 124)).toEqual(expected);
    expect(names).toContain('7amleh – Arab Center for Social Media Advancement');
    expect(names).toContain('Association for Progressive Communications (APC)');
    expect(names).toContain('Barracón Digital');
  });

  it('takes an outsider’s endorsement while open; it shows, dated, once verified', async () => {
    const { world, statement, ports, publication } = await published();
    const now = Date.now();
    const request = { name: 'Bits of Freedom', country: 'Netherlands', contact: 'office@example.org' };
    expect(await codeOf(() => endorse({ ports, slug: publication.slug, endorser: { kind: 'outsider' }, request, now }))).toBe('signon.closed');
    await openSignOn({ ports, actor: world.people.secretariat, statementId: statement.id, closesAt: now + 7 * day, outsiders: true, now });
    const endorsement = await endorse({ ports, slug: publication.slug, endorser: { kind: 'outsider' }, request, now: now + 1 });
    expect(endorsementList({ publication, endorsements: await ports.publications.endorsements(statement.id) })).toEqual([]);
    expect(await codeOf(() => endorse({ ports, slug: publication.slug, endorser: { kind: 'outsider' }, request: { ...request, name: ' bits  of FREEDOM ' }, now }))).toBe('signon.already-endorsed');
    await decideEndorsement({ ports, actor: world.people.chair, statementId: statement.id, endorsementId: endorsement.id, decision: 'verified', now: now + 2 });
    const list = endorsementList({ publication, endorsements: await ports.publications.endorsements(statement.id) });
    expect(list.map((e) => [e.name, e.country, e.at, e.late])).toEqual([['Bits of Freedom', 'Netherlands', now + 1, true]]);
    expect(await codeOf(() => decideEndorsement({ ports, actor: world.people.chair, statementId: statement.id, endorsementId: endorsement.id, decision: 'rejected', now }))).toBe('signon.not-pending');
    expect(await world.auditActions()).toEqual(expect.arrayContaining(['signon.opened', 'signon.endorsed', 'signon.verified']));
  });

  it('lets a rejected name endorse again, and closes the window early', async () => {
    const { world, statement, ports, publication } = await published();
    const now = Date.now();
    await openSignOn({ ports, actor: world.people.chair, statementId: statement.id, closesAt: now + day, outsiders: true, now });
    const request = { name: 'Impostor Org', country: 'Nowhere', contact: 'x@example.org' };
    const fake = await endorse({ ports, slug: publication.slug, endorser: { kind: 'outsider' }, request, now });
    await decideEndorsement({ ports, actor: world.people.chair, statementId: statement.id, endorsementId: fake.id, decision: 'rejected', now });
    await endorse({ ports, slug: publication.slug, endorser: { kind: 'outsider' }, request: { ...request, contact: 'real@example.org' }, now });
    await closeSignOn({ ports, actor: world.people.chair, statementId: statement.id, now: now + 1 });
    expect(await codeOf(() => endorse({ ports, slug: publication.slug, endorser: { kind: 'outsider' }, request: { ...request, name: 'Late Org' }, now: now + 2 }))).toBe('signon.closed');
    expect(await codeOf(() => closeSignOn({ ports, actor: world.people.chair, statementId: statement.id, now: now + 3 }))).toBe('signon.closed');
  });

  it('keeps the sign-on to the chair and the secretariat, and stores nothing for bad input', async () => {
    const { world, statement, ports, publication } = await published();
    const now = Date.now();
    expect(await codeOf(() => openSignOn({ ports, actor: world.people.member, statementId: statement.id, closesAt: now + day, outsiders: true, now }))).toBe('forbidden.not-manager');
    expect(await codeOf(() => importSignatories({ ports, actor: world.people.member, statementId: statement.id, text: 'A', now }))).toBe('forbidden.not-manager');
    expect(await codeOf(() => openSignOn({ ports, actor: world.people.chair, statementId: statement.id, closesAt: now - 1, outsiders: true, now }))).toBe('signon.end-past');
    await openSignOn({ ports, actor: world.people.chair, statementId: statement.id, closesAt: now + day, outsiders: false, now });
    expect(await codeOf(() => endorse({ ports, slug: publication.slug, endorser: { kind: 'outsider' }, request: { name: 'X', country: 'Y', contact: 'z@example.org' }, now }))).toBe('signon.members-only');
    expect(await codeOf(() => endorse({ ports, slug: publication.slug, endorser: { kind: 'member', organisationId: 'org_Estonia', organisationName: 'Estonia' }, request: { name: '', country: '', contact: 'z@example.org' }, now }))).toBe('input.country');
    expect(await ports.publications.endorsements(statement.id)).toEqual([]);
  });
});
