/**
 * Publishing and sign-on over the in-memory ports: what each act stores, signs and audits, and
 * that a refused act leaves none of those behind. The same acts over dynalite (races, long texts,
 * the real signature, the fixture's 124 signatories) are test/integration/publication/; the rules
 * they apply are core's (sign-on.test.ts, publication.test.ts, the authorization matrix).
 */
import { computeOutcome, isDomainError, type ConsensusCall, type Principal, type Statement } from '@concord/core';
import { actors, organisations, statements } from '@concord/core/testing/authorization-matrix';
import { describe, expect, it } from 'vitest';
import { createMemoryPublicationPorts } from './memory.ts';
import { publish, withdrawPublication } from './service.ts';
import { closeSignOn, decideEndorsement, endorse, importSignatories, openSignOn } from './sign-on.ts';

const day = 86_400_000;
const t0 = Date.UTC(2026, 4, 12, 10);
const chair = actors.chair!;
const member = actors.member!;
const secretariat = actors.secretariat!;
const elsewhere = actors['other-coalition']!;
const statement = statements.open;
const hash = 'c'.repeat(64);
const text = 'We call on states.\nSecond paragraph.';

function setup() {
  const world = createMemoryPublicationPorts({
    statements: Object.values(statements),
    organisations: Object.values(organisations),
    coalitions: [{ id: statement.coalitionId, name: 'Matrix Coalition' }],
  });
  world.translations.push({ language: 'fr', dir: 'ltr', title: 'Déclaration', paragraphs: ['Nous appelons les États.', 'Deuxième paragraphe.'] });
  return world;
}
type World = ReturnType<typeof setup>;

/**
 * An explicit call adopted on version 2 of `s`, the version stored: the chair, pen-holder and lead
 * supported; `org_Member` stayed silent, so it is not in the adoption record and may endorse.
 */
function adopt(world: World, s: Statement = statement): ConsensusCall {
  const electorate = [organisations.chair.id, organisations.member.id, organisations.pen.id, organisations.lead.id];
  const positions = [organisations.chair, organisations.pen, organisations.lead].map((o) => ({ organisationId: o.id, stance: 'support' as const, confirmed: false, reason: null, explanation: null, actedBy: `usr_${o.name}`, at: t0 - 2 * day }));
  const open = { status: 'closed' as const, procedure: { kind: 'explicit' as const, quorum: 0.5 }, deadline: t0 - day, electorate };
  const call: ConsensusCall = {
    ...open,
    id: `call_${s.id}`,
    statementId: s.id,
    coalitionId: s.coalitionId,
    version: { seq: 2, name: 'Rev. 1', hash },
    timeZone: 'Europe/Paris',
    resultsVisibility: 'after-close',
    openedBy: { userId: chair.userId, organisationId: chair.organisationId, onBehalfOfChair: false },
    openedAt: t0 - 3 * day,
    positions,
    extensions: [],
    closedAt: t0 - day,
    closedBy: null,
    withdrawnAt: null,
    withdrawnBy: null,
    outcome: computeOutcome({ call: open, positions }),
    reminders: [],
  };
  world.calls.push(call);
  world.versions.set(`${s.id}#2`, { state: new TextEncoder().encode(text), hash });
  return call;
}

/** `refused: <code>` for a DomainError, `done` when the act went through. */
async function outcomeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return `refused: ${error.code}`;
    throw error;
  }
  return 'done';
}

const published = async (world: World) => {
  adopt(world);
  return publish({ ports: world.ports, actor: chair, statementId: statement.id, title: 'Matrix Declaration', now: t0 });
};

describe('publishing', () => {
  it("stores the adopted call's stored version, signs the adoption record with the coalition's key, and audits it", async () => {
    const world = setup();
    const call = adopt(world);
    const publication = await publish({ ports: world.ports, actor: chair, statementId: statement.id, title: 'Matrix Declaration', now: t0 });
    expect(await world.ports.publications.full(statement.id)).toEqual(publication);
    expect(publication).toMatchObject({
      slug: 'matrix-declaration-2026',
      title: 'Matrix Declaration',
      coalitionName: 'Matrix Coalition',
      version: call.version,
      plainText: text,
      status: 'published',
      publishedBy: { userId: chair.userId, organisationId: chair.organisationId },
      translations: [{ language: 'fr' }],
    });
    expect(publication.record.endorsing.map((p) => p.organisationId)).toEqual([organisations.chair.id, organisations.pen.id, organisations.lead.id]);
    // One signature, by the coalition's key, over exactly the record that is published.
    expect(world.keys.signed).toEqual([{ coalitionId: statement.coalitionId, keyId: 'memory-key-1', message: publication.attestation?.record, signature: publication.attestation?.signature }]);
    expect(publication.attestation?.keyId).toBe((await world.ports.keys.publicKey(statement.coalitionId))?.keyId);
    expect(JSON.parse(publication.attestation!.record)).toMatchObject({ version: { seq: 2, sha256: hash }, declaration: { slug: 'matrix-declaration-2026' } });
    expect(world.audit).toEqual([
      expect.objectContaining({
        action: 'statement.published',
        actor: { userId: chair.userId, organisationId: chair.organisationId },
        subject: { kind: 'statement', id: statement.id },
        details: expect.objectContaining({ slug: 'matrix-declaration-2026', workingTitle: statement.title, callId: call.id, versionSeq: 2, versionHash: hash, translations: 1 }),
      }),
    ]);
  });

  it('refuses when the stored version is missing or is not the one adopted, signing, storing and auditing nothing', async () => {
    const world = setup();
    adopt(world);
    world.versions.set(`${statement.id}#2`, { state: new TextEncoder().encode('Edited since.'), hash: 'd'.repeat(64) });
    expect(await outcomeOf(publish({ ports: world.ports, actor: chair, statementId: statement.id, now: t0 }))).toBe('refused: publication.version-missing');
    world.versions.clear();
    expect(await outcomeOf(publish({ ports: world.ports, actor: chair, statementId: statement.id, now: t0 }))).toBe('refused: publication.version-missing');
    expect(await world.ports.publications.list()).toEqual([]);
    expect(world.keys.signed).toEqual([]);
    expect(world.audit).toEqual([]);
  });
});

describe('withdrawing', () => {
  it('marks the declaration withdrawn with the reason, who and when, keeps its text, audits it, and ends its sign-on', async () => {
    const world = setup();
    expect(await outcomeOf(withdrawPublication({ ports: world.ports, actor: chair, statementId: statement.id, reason: 'Superseded.', now: t0 }))).toBe('refused: publication.not-published');
    const publication = await published(world);
    await openSignOn({ ports: world.ports, actor: chair, statementId: statement.id, closesAt: t0 + 30 * day, outsiders: true, now: t0 });
    await withdrawPublication({ ports: world.ports, actor: secretariat, statementId: statement.id, reason: '  Superseded by the 2027 declaration. ', now: t0 + day });
    const stored = await world.ports.publications.full(statement.id);
    expect(stored).toMatchObject({ status: 'withdrawn', withdrawn: { at: t0 + day, by: secretariat.userId, reason: 'Superseded by the 2027 declaration.' }, html: publication.html, slug: publication.slug });
    expect(world.audit.at(-1)).toMatchObject({ action: 'publication.withdrawn', actor: { userId: secretariat.userId }, details: { slug: publication.slug, reason: 'Superseded by the 2027 declaration.' } });
    // The window had weeks to run: a withdrawn declaration takes no endorsement, and no new window or import.
    const request = { name: 'Late Org', country: 'Chile', contact: 'late@example.org' };
    expect(await outcomeOf(endorse({ ports: world.ports, slug: publication.slug, endorser: { kind: 'outsider' }, request, now: t0 + 2 * day }))).toBe('refused: signon.closed');
    expect(await outcomeOf(openSignOn({ ports: world.ports, actor: chair, statementId: statement.id, closesAt: t0 + 60 * day, outsiders: true, now: t0 + 2 * day }))).toBe('refused: signon.not-published');
    expect(await outcomeOf(importSignatories({ ports: world.ports, actor: chair, statementId: statement.id, text: 'Late Org', now: t0 + 2 * day }))).toBe('refused: signon.not-published');
    expect(await world.ports.publications.endorsements(statement.id)).toEqual([]);
  });
});

describe('sign-on', () => {
  it('takes a member organisation’s endorsement as itself (its directory name), pending until verified, audited without an actor', async () => {
    const world = setup();
    const publication = await published(world);
    // Members only: an outsider is turned away, a member that stayed silent in the call is not.
    await openSignOn({ ports: world.ports, actor: chair, statementId: statement.id, closesAt: t0 + 7 * day, outsiders: false, now: t0 });
    const asMember = { kind: 'member' as const, organisationId: organisations.member.id, organisationName: organisations.member.name };
    const request = { name: 'Not the directory name', country: 'Estonia', contact: '+372 600 0000' };
    const endorsement = await endorse({ ports: world.ports, slug: publication.slug, endorser: asMember, request, now: t0 + 1 });
    expect(await world.ports.publications.endorsements(statement.id)).toEqual([
      { id: endorsement.id, statementId: statement.id, name: 'Member', key: 'member', country: 'Estonia', contact: '+372 600 0000', organisationId: organisations.member.id, source: 'form', status: 'pending', at: t0 + 1, decidedAt: null, decidedBy: null },
    ]);
    expect(world.audit.at(-1)).toMatchObject({ action: 'signon.endorsed', actor: null, details: { endorsementId: endorsement.id, name: 'Member', member: true } });
    expect(await outcomeOf(endorse({ ports: world.ports, slug: publication.slug, endorser: asMember, request, now: t0 + 2 }))).toBe('refused: signon.already-endorsed');
    await decideEndorsement({ ports: world.ports, actor: secretariat, statementId: statement.id, endorsementId: endorsement.id, decision: 'verified', now: t0 + 3 });
    expect(await world.ports.publications.endorsements(statement.id)).toEqual([expect.objectContaining({ status: 'verified', decidedAt: t0 + 3, decidedBy: secretariat.userId })]);
    expect(world.audit.map((e) => e.action)).toEqual(['statement.published', 'signon.opened', 'signon.endorsed', 'signon.verified']);
  });

  it('refuses an endorsement once the window’s end has passed, storing and auditing nothing; nor closes a window already over', async () => {
    const world = setup();
    const publication = await published(world);
    const closesAt = t0 + 7 * day;
    await openSignOn({ ports: world.ports, actor: chair, statementId: statement.id, closesAt, outsiders: true, now: t0 });
    const auditedBefore = world.audit.length;
    const request = { name: 'Bits of Freedom', country: 'Netherlands', contact: 'office@example.org' };
    for (const now of [closesAt, closesAt + day]) {
      expect(await outcomeOf(endorse({ ports: world.ports, slug: publication.slug, endorser: { kind: 'outsider' }, request, now }))).toBe('refused: signon.closed');
    }
    expect(await outcomeOf(endorse({ ports: world.ports, slug: 'no-such-declaration', endorser: { kind: 'outsider' }, request, now: t0 + 1 }))).toBe('refused: publication.not-found');
    expect(await outcomeOf(closeSignOn({ ports: world.ports, actor: chair, statementId: statement.id, now: closesAt }))).toBe('refused: signon.closed');
    expect(await world.ports.publications.endorsements(statement.id)).toEqual([]);
    expect(world.audit).toHaveLength(auditedBefore);
    // A moment before the end, the same endorsement is taken.
    expect(await outcomeOf(endorse({ ports: world.ports, slug: publication.slug, endorser: { kind: 'outsider' }, request, now: closesAt - 1 }))).toBe('done');
  });
});

describe('who may publish and run the sign-on', () => {
  it('hides the statement from another coalition and forbids a member, changing nothing', async () => {
    const world = setup();
    adopt(world);
    const acts = (actor: Principal) => [
      publish({ ports: world.ports, actor, statementId: statement.id, now: t0 }),
      withdrawPublication({ ports: world.ports, actor, statementId: statement.id, reason: 'Mine to withdraw.', now: t0 }),
      openSignOn({ ports: world.ports, actor, statementId: statement.id, closesAt: t0 + day, outsiders: true, now: t0 }),
      closeSignOn({ ports: world.ports, actor, statementId: statement.id, now: t0 }),
      importSignatories({ ports: world.ports, actor, statementId: statement.id, text: 'Some Org', now: t0 }),
      decideEndorsement({ ports: world.ports, actor, statementId: statement.id, endorsementId: 'end-000001', decision: 'verified', now: t0 }),
    ];
    expect(await Promise.all(acts(elsewhere).map(outcomeOf))).toEqual(Array(6).fill('refused: statement.not-found'));
    expect(await Promise.all(acts(member).map(outcomeOf))).toEqual(Array(6).fill('refused: forbidden.not-manager'));
    expect(await world.ports.publications.list()).toEqual([]);
    expect(world.keys.signed).toEqual([]);
    expect(world.audit).toEqual([]);
    // The chair may: the same world publishes.
    expect(await outcomeOf(publish({ ports: world.ports, actor: chair, statementId: statement.id, now: t0 }))).toBe('done');
  });
});
