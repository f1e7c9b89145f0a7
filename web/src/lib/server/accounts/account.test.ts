import { hashPassword } from '@concord/auth';
import type { Session } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { accountOverview, deleteAccount, exportAccount, formerDelegateName, revokeSession, signOutElsewhere } from './account.ts';
import { createFakeContext, seedCoalition } from '../testing/fakes.ts';

const now = 1_800_000_000_000;
const password = 'the member passphrase';

const session = (id: string, userId: string, extra: Partial<Session> = {}): Session => ({
  id,
  userId,
  createdAt: now - 1000,
  lastUsedAt: now - 500,
  expiresAt: now + 1e9,
  twoFactorVerified: true,
  privilegeVersion: 1,
  device: `device ${id}`,
  ...extra,
});

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  await fake.context.accounts.setPassword({ userId: 'usr_Member', passwordHash: await hashPassword(password) });
  const current = session('current', 'usr_Member');
  for (const s of [current, session('laptop', 'usr_Member'), session('phone', 'usr_Member'), session('theirs', 'usr_Other')]) await fake.context.sessions.create(s);
  return { fake, current, member: seeded.people.member };
}

describe('accountOverview', () => {
  it('shows who the person is and their sessions, marking this one', async () => {
    const { fake, current, member } = await setup();
    const overview = await accountOverview({ context: fake.context, principal: member, session: current });
    expect(overview).toMatchObject({ name: 'Member', organisationName: 'Member', tier: 'member', email: 'member@test.example', hasTwoFactor: false, twoFactorRequired: false });
    expect(overview.sessions.map((s) => [s.id, s.current]).sort()).toEqual([['current', true], ['laptop', false], ['phone', false]]);
  });
});

describe('revokeSession', () => {
  it('ends another of the person’s sessions and closes its connections', async () => {
    const { fake, current, member } = await setup();
    await revokeSession({ context: fake.context, principal: member, current, sessionId: 'laptop' });
    expect(await fake.context.sessions.get('laptop')).toBeNull();
    expect(fake.calls.evictedUsers).toEqual([{ userId: 'usr_Member', sessionId: 'laptop', reason: 'auth.session-revoked' }]);
  });

  it('refuses someone else’s session as if it did not exist, and this one (sign out instead)', async () => {
    const { fake, current, member } = await setup();
    await expect(revokeSession({ context: fake.context, principal: member, current, sessionId: 'theirs' })).rejects.toMatchObject({ kind: 'not-found' });
    expect(await fake.context.sessions.get('theirs')).not.toBeNull();
    await expect(revokeSession({ context: fake.context, principal: member, current, sessionId: 'current' })).rejects.toMatchObject({ kind: 'input' });
  });
});

describe('signOutElsewhere', () => {
  it('ends every other session of the person and closes their connections', async () => {
    const { fake, current, member } = await setup();
    expect(await signOutElsewhere({ context: fake.context, principal: member, current })).toBe(2);
    expect((await fake.context.sessions.listByUser('usr_Member')).map((s) => s.id)).toEqual(['current']);
    expect(fake.calls.evictedUsers.map((e) => e.sessionId).sort()).toEqual(['laptop', 'phone']);
    expect(await fake.context.sessions.get('theirs')).not.toBeNull();
  });
});

describe('exportAccount', () => {
  it('gives the person’s data and their own acts, without secrets', async () => {
    const { fake, member } = await setup();
    await fake.context.audit.append({ entry: { coalitionId: member.coalitionId, at: now, actor: { userId: 'usr_Member', organisationId: 'org_Member' }, action: 'statement.created', subject: { kind: 'statement', id: 'stmt_1' }, details: {} } });
    await fake.context.audit.append({ entry: { coalitionId: member.coalitionId, at: now, actor: { userId: 'usr_Chair', organisationId: 'org_Chair' }, action: 'member.removed', subject: { kind: 'user', id: 'usr_X' }, details: {} } });
    const exported = await exportAccount({ context: fake.context, principal: member, now });
    expect(exported.account).toEqual({ email: 'member@test.example', createdAt: new Date(0).toISOString(), twoFactorEnrolled: false });
    expect(exported.sessions).toHaveLength(3);
    expect(exported.acts.map((a) => a.action)).toEqual(['statement.created']);
    const text = JSON.stringify(exported);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('totpKey');
    expect(text).not.toContain('"laptop"');
  });
});

describe('deleteAccount', () => {
  it('needs the password', async () => {
    const { fake, member } = await setup();
    await expect(deleteAccount({ context: fake.context, principal: member, password: 'wrong password!', now })).rejects.toMatchObject({ code: 'input.password' });
    expect(await fake.context.accounts.get('usr_Member')).not.toBeNull();
  });

  it('deletes the account, ends sessions, closes connections and keeps the person as a former delegate', async () => {
    const { fake, member } = await setup();
    await deleteAccount({ context: fake.context, principal: member, password, now });
    expect(await fake.context.accounts.get('usr_Member')).toBeNull();
    expect(await fake.context.accounts.findByEmail('member@test.example')).toBeNull();
    expect(await fake.context.sessions.listByUser('usr_Member')).toEqual([]);
    expect(fake.calls.evictedUsers).toEqual([{ userId: 'usr_Member', reason: 'auth.account-deleted' }]);
    expect(await fake.context.directory.users.get('usr_Member')).toMatchObject({ name: formerDelegateName, status: 'removed', roles: [] });
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'member.account-deleted', actor: { userId: 'usr_Member' } });
  });
});
