import { generateToken, hashPassword, hashToken } from '@concord/auth';
import { isDomainError, type Principal } from '@concord/core';
import { seatPerson, testOrganisations } from '@concord/core/testing/coalition';
import { describe, expect, it } from 'vitest';
import { deleteAccount, formerDelegateName } from './account.ts';
import { acceptInvitation } from './invitations.ts';
import { createMemoryAccountPorts } from './memory.ts';
import { completeReset, requestReset } from './reset.ts';
import { disableTwoFactor } from './two-factor.ts';

const now = 1_800_000_000_000;
const coalitionId = 'coal_T';
const password = 'the member passphrase';

async function world() {
  const memory = await createMemoryAccountPorts({ now: () => now });
  const organisations = testOrganisations(coalitionId);
  memory.directory.coalitions.set(coalitionId, { id: coalitionId, name: 'T' });
  for (const organisation of Object.values(organisations)) memory.directory.organisations.set(organisation.id, organisation);
  const member = await seatPerson({ directory: memory.ports.directory, coalitionId, id: 'usr_Member', organisation: organisations.member });
  const chair = await seatPerson({ directory: memory.ports.directory, coalitionId, id: 'usr_Chair', organisation: organisations.chair });
  for (const person of [member, chair]) {
    await memory.ports.accounts.create({ userId: person.userId, email: `${person.userName.toLowerCase()}@test.example`, passwordHash: await hashPassword(password), totpKey: null, totpLastStep: 0, privilegeVersion: 1, createdAt: 0 });
  }
  return { ...memory, organisations, member, chair };
}

async function refusal(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (isDomainError(error)) return { kind: error.kind, code: error.code };
    throw error;
  }
  throw new Error('not refused');
}

const signedIn = (ports: Awaited<ReturnType<typeof world>>['ports'], person: Principal) =>
  ports.sessions.create({ id: `s_${person.userId}`, userId: person.userId, createdAt: now, lastUsedAt: now, expiresAt: now + 1e9, twoFactorVerified: true, privilegeVersion: 1, device: 'd' });

describe('deleteAccount', () => {
  it('refuses a wrong password by its own code, changing nothing', async () => {
    const { ports, record, member } = await world();
    await signedIn(ports, member);
    expect(await refusal(() => deleteAccount({ ports, principal: member, password: 'not the passphrase', now }))).toEqual({ kind: 'input', code: 'account.wrong-password' });
    expect(await ports.accounts.get(member.userId)).not.toBeNull();
    expect(await ports.sessions.listByUser(member.userId)).toHaveLength(1);
    expect(record.audit).toEqual([]);
  });

  it('keeps the person as a removed “Former delegate”, ends their sessions and editors, and audits it', async () => {
    const { ports, record, member } = await world();
    await signedIn(ports, member);
    await deleteAccount({ ports, principal: member, password, now });
    expect(await ports.accounts.get(member.userId)).toBeNull();
    expect(await ports.directory.users.get(member.userId)).toMatchObject({ name: formerDelegateName, roles: [], status: 'removed' });
    expect(await ports.sessions.listByUser(member.userId)).toEqual([]);
    expect(record.evictedUsers).toEqual([{ userId: member.userId, reason: 'auth.account-deleted' }]);
    expect(record.audit).toEqual([expect.objectContaining({ action: 'member.account-deleted', actor: { userId: member.userId, organisationId: member.organisationId } })]);
  });
});

describe('acceptInvitation', () => {
  async function invited() {
    const w = await world();
    const token = generateToken();
    await w.ports.invitations.create({ id: hashToken(token), email: 'new@test.example', name: 'New', coalitionId, organisationId: w.organisations.member.id, roles: [], invitedBy: 'usr_Chair', createdAt: now, expiresAt: now + 60_000 });
    const accept = (fields: { name?: string; password?: string } = {}) =>
      acceptInvitation({ ports: w.ports, token, name: fields.name ?? 'Ama Mensah', password: fields.password ?? 'a long enough passphrase', device: 'd', now });
    return { ...w, accept };
  }

  it('refuses a name or a password by codes that say which, leaving the invitation to use', async () => {
    const { accept } = await invited();
    expect(await refusal(() => accept({ name: '' }))).toEqual({ kind: 'input', code: 'invitation.name-missing' });
    expect(await refusal(() => accept({ name: 'x'.repeat(101) }))).toEqual({ kind: 'input', code: 'invitation.name-too-long' });
    expect(await refusal(() => accept({ password: 'short' }))).toEqual({ kind: 'input', code: 'password.too-short' });
    expect(await refusal(() => accept({ password: 'new@test.example' }))).toEqual({ kind: 'input', code: 'password.is-email' });
    const accepted = await accept();
    expect(accepted.started.session.userId).toMatch(/^usr_/);
  });

  it('is taken once: the second acceptance finds the link dead', async () => {
    const { accept, record } = await invited();
    await accept();
    expect(await refusal(() => accept())).toEqual({ kind: 'input', code: 'invitation.invalid' });
    expect(record.audit.filter((entry) => entry.action === 'member.joined')).toHaveLength(1);
  });
});

describe('password reset', () => {
  it('mails the link to a person and a no-account note to anyone else, and the link works once', async () => {
    const { ports, mail, record } = await world();
    const ask = (email: string) => requestReset({ ports, mail, email, address: '10.0.0.1', linkOrigin: 'https://hub.test', now });
    await ask('member@test.example');
    await ask('nobody@test.example');
    expect(record.mail.map((sent) => [sent.kind, sent.email])).toEqual([['link', 'member@test.example'], ['no-account', 'nobody@test.example']]);
    const sent = record.mail[0];
    const token = sent?.kind === 'link' ? sent.link.split('/reset/')[1]! : '';
    await completeReset({ ports, token, password: 'a brand new passphrase', now });
    expect(await refusal(() => completeReset({ ports, token, password: 'another new passphrase', now }))).toEqual({ kind: 'input', code: 'reset.invalid' });
  });
});

describe('disableTwoFactor', () => {
  it('refuses whoever’s role requires two-factor (the chair’s delegates) by its own code', async () => {
    const { ports, chair } = await world();
    expect(await refusal(() => disableTwoFactor({ ports, principal: chair, code: '123456', now }))).toEqual({ kind: 'input', code: 'two-factor.required' });
  });
});
