/**
 * Issue 12 §4 replayed: the secretariat tries to make itself chair, step by step, through the
 * web app's real coalition services on dynalite (directory, accounts, invitations, audit log),
 * acting each time as the principal the server would resolve from its session. Every step is
 * refused (403) and leaves the store as it was; nothing reaches the audit log.
 */
import type { Principal } from '@concord/core';
import { actors, organisations } from '@concord/core/testing/authorization-matrix';
import { createAccounts, createAuditLog, createInvitations, createRepositories, createSessions } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { changeOrganisation, handChair } from '../../web/src/lib/server/coalition/organisations.ts';
import { invitePerson, setSecretariat } from '../../web/src/lib/server/coalition/people.ts';
import { resolvePrincipal } from '../../web/src/lib/server/principal.ts';
import { startDynalite } from '../support/dynalite.ts';
import { testAuditKey } from '../support/audit-key.ts';

const coalitionId = 'coal_MATRIX';

async function world() {
  const dynamo = await startDynalite();
  const directory = createRepositories(dynamo);
  const audit = createAuditLog({ ...dynamo, key: testAuditKey });
  const evicted: string[] = [];
  const context = {
    directory,
    accounts: createAccounts(dynamo),
    sessions: createSessions(dynamo),
    invitations: createInvitations(dynamo),
    audit,
    realtime: {
      evictUser: async ({ userId }: { userId: string }) => (evicted.push(userId), 0),
      evictDocument: async () => 0,
    },
    mailer: { send: async () => {} },
  };
  await directory.coalitions.put({ id: coalitionId, name: 'Matrix coalition' });
  for (const organisation of Object.values(organisations)) await directory.organisations.put(organisation);
  for (const actor of [actors.secretariat, actors.chair]) {
    if (!actor) continue;
    await directory.users.put({ id: actor.userId, name: actor.userName, organisationId: actor.organisationId, coalitionId, roles: [...actor.roles], status: 'active' });
  }
  /** The secretariat as the server resolves it now (tier and chair from the store, not from before). */
  const secretariat = async (): Promise<Principal> => {
    const principal = await resolvePrincipal({ directory, userId: actors.secretariat!.userId });
    if (!principal) throw new Error('the secretariat is gone');
    return principal;
  };
  const snapshot = async () => ({
    organisations: await directory.organisations.listByCoalition(coalitionId),
    users: await directory.users.listByCoalition(coalitionId),
    invitations: await context.invitations.listByCoalition(coalitionId),
    audit: await audit.all({ coalitionId }),
  });
  return { context, secretariat, snapshot, evicted };
}

async function statusOf(work: () => Promise<unknown>): Promise<number | 'done'> {
  try {
    await work();
    return 'done';
  } catch (thrown) {
    // SvelteKit's HttpError (the guard's 403), recognised by shape: @sveltejs/kit is the web app's dependency.
    if (thrown && typeof thrown === 'object' && 'status' in thrown && typeof thrown.status === 'number' && 'body' in thrown) return thrown.status;
    throw thrown;
  }
}

describe('the secretariat making itself chair (issue 12 §4)', () => {
  it('is refused at every step, and nothing changes', async () => {
    const { context, secretariat, snapshot, evicted } = await world();
    const before = await snapshot();
    const own = organisations.supportUnit.id;
    const now = Date.now();

    // 1. Make its own organisation a voting member.
    expect(await statusOf(async () => changeOrganisation({ context, actor: await secretariat(), organisationId: own, tier: 'member', stakeholderGroup: 'intergovernmental', now }))).toBe(403);
    // 2. Hand the chair to its own organisation (and, for good measure, to another member).
    expect(await statusOf(async () => handChair({ context, actor: await secretariat(), organisationId: own, now }))).toBe(403);
    expect(await statusOf(async () => handChair({ context, actor: await secretariat(), organisationId: organisations.member.id, now }))).toBe(403);
    // 3. Then grant the secretariat role (to itself, to anyone): still refused.
    expect(await statusOf(async () => setSecretariat({ context, actor: await secretariat(), userId: actors.secretariat!.userId, grant: true, now }))).toBe(403);
    // 4. Seat someone it controls in the chair's delegation instead.
    const invite = async () =>
      invitePerson({ context, actor: await secretariat(), organisationId: organisations.chair.id, email: 'puppet@example.org', name: 'Puppet', lead: true, linkOrigin: 'https://hub.test', now });
    expect(await statusOf(invite)).toBe(403);

    expect(await snapshot()).toEqual(before);
    expect(evicted).toEqual([]);
    expect((await secretariat()).tier).toBe('observer');
    expect((await secretariat()).isChair).toBe(false);
  });

  it('still refuses the chair and the grant after another manager made its organisation a member', async () => {
    const { context, secretariat, snapshot } = await world();
    const now = Date.now();
    // The chair (not the secretariat) changes the support unit's tier: allowed, and audited.
    await changeOrganisation({ context, actor: actors.chair!, organisationId: organisations.supportUnit.id, tier: 'member', stakeholderGroup: 'intergovernmental', now });
    expect((await secretariat()).tier).toBe('member');
    const before = await snapshot();
    expect(await statusOf(async () => handChair({ context, actor: await secretariat(), organisationId: organisations.supportUnit.id, now }))).toBe(403);
    expect(await statusOf(async () => setSecretariat({ context, actor: await secretariat(), userId: actors.secretariat!.userId, grant: true, now }))).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect(before.audit.map((entry) => [entry.action, entry.actor?.userId])).toEqual([['organisation.tier-changed', actors.chair!.userId]]);
  });

  it('lets the chair hand the chair on, but not to its own organisation', async () => {
    const { context } = await world();
    const now = Date.now();
    expect(await statusOf(() => handChair({ context, actor: actors.chair!, organisationId: organisations.chair.id, now }))).toBe(403);
    expect(await statusOf(() => handChair({ context, actor: actors.chair!, organisationId: organisations.member.id, now }))).toBe('done');
    const chairs = (await context.directory.organisations.listByCoalition(coalitionId)).filter((org) => org.isChair);
    expect(chairs.map((org) => org.id)).toEqual([organisations.member.id]);
  });
});
