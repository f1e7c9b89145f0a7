import { generateToken, hashToken, verifyPassword } from '@concord/auth';
import type { Invitation } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { acceptInvitation, describeInvitation } from './invitations.ts';
import { coalitionId, createFakeContext, fakeCookies, seedCoalition } from '../testing/fakes.ts';

const now = 1_800_000_000_000;
const password = 'a long enough passphrase';

async function setup(extra: Partial<Invitation> = {}) {
  const fake = await createFakeContext({ now: () => now });
  const { organisations } = await seedCoalition(fake);
  const token = generateToken();
  const invitation: Invitation = {
    id: hashToken(token),
    email: 'new.person@test.example',
    name: 'New Person',
    coalitionId,
    organisationId: organisations.member.id,
    roles: [],
    invitedBy: 'usr_Secretariat',
    createdAt: now - 1000,
    expiresAt: now + 60_000,
    ...extra,
  };
  await fake.context.invitations.create(invitation);
  return { fake, token, invitation, organisations };
}

const accept = (fake: Awaited<ReturnType<typeof setup>>['fake'], token: string, fields: { name?: string; password?: string } = {}) => {
  const cookies = fakeCookies();
  const run = acceptInvitation({ context: fake.context, token, name: fields.name ?? 'Ama Mensah', password: fields.password ?? password, cookies, secure: true, device: 'Firefox on Linux', now });
  return { cookies, run };
};

describe('describeInvitation', () => {
  it('shows the organisation, coalition and email of a pending invitation', async () => {
    const { fake, token } = await setup();
    expect(await describeInvitation({ context: fake.context, token, now })).toEqual({ email: 'new.person@test.example', name: 'New Person', organisationName: 'Member', coalitionName: 'Test Coalition' });
  });

  it('says nothing about a malformed, unknown or expired link', async () => {
    const { fake } = await setup();
    expect(await describeInvitation({ context: fake.context, token: 'not a token', now })).toBeNull();
    expect(await describeInvitation({ context: fake.context, token: generateToken(), now })).toBeNull();
    const expired = await setup({ expiresAt: now - 1 });
    expect(await describeInvitation({ context: expired.fake.context, token: expired.token, now })).toBeNull();
  });
});

describe('acceptInvitation', () => {
  it('makes the person and their account, records who joined, and signs them in', async () => {
    const { fake, token } = await setup({ roles: ['organisation-lead'] });
    const { cookies, run } = accept(fake, token);
    expect(await run).toEqual({ twoFactorRequired: true });
    const account = await fake.context.accounts.findByEmail('new.person@test.example');
    expect(account && (await verifyPassword({ hash: account.passwordHash, password }))).toBe(true);
    const user = await fake.context.directory.users.get(account!.userId);
    expect(user).toMatchObject({ name: 'Ama Mensah', organisationId: 'org_Member', roles: ['organisation-lead'], status: 'active' });
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'member.joined', actor: { userId: user!.id }, subject: { kind: 'user', id: user!.id } });
    expect(JSON.stringify(fake.store.audit)).not.toContain(password);
    expect(cookies.jar.size).toBe(1);
    expect((await fake.context.sessions.listByUser(user!.id))[0]).toMatchObject({ twoFactorVerified: true, device: 'Firefox on Linux' });
  });

  it('ends the session someone else had in this browser', async () => {
    const { fake, token } = await setup();
    await fake.context.sessions.create({ id: 'before', userId: 'usr_Member', createdAt: now, lastUsedAt: now, expiresAt: now + 1e6, twoFactorVerified: true, privilegeVersion: 1, device: 'd' });
    await acceptInvitation({ context: fake.context, token, name: 'Ama', password, cookies: fakeCookies(), secure: true, device: 'd', previousSessionId: 'before', now });
    expect(await fake.context.sessions.get('before')).toBeNull();
  });

  it('works once only', async () => {
    const { fake, token } = await setup();
    await accept(fake, token).run;
    await expect(accept(fake, token).run).rejects.toMatchObject({ kind: 'input', code: 'invitation.invalid' });
  });

  it('refuses a weak password or an empty name without using the invitation', async () => {
    const { fake, token, invitation } = await setup();
    await expect(accept(fake, token, { password: 'short' }).run).rejects.toMatchObject({ code: 'input.password' });
    await expect(accept(fake, token, { password: invitation.email }).run).rejects.toMatchObject({ code: 'input.password' });
    await expect(accept(fake, token, { name: '' }).run).rejects.toMatchObject({ code: 'input.name' });
    expect(await fake.context.invitations.get(invitation.id)).not.toBeNull();
  });

  it('says kindly when the email already has an account, and keeps the invitation', async () => {
    const { fake, token, invitation } = await setup({ email: 'member@test.example' });
    await expect(accept(fake, token).run).rejects.toMatchObject({ kind: 'conflict', code: 'account.email-taken' });
    expect(await fake.context.invitations.get(invitation.id)).not.toBeNull();
  });
});
