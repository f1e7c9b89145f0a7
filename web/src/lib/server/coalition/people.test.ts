import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { caught, createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { cancelInvitation, invitationLifetimeMs, invitePerson, removeDelegate, setOrganisationLead, setSecretariat } from './people.ts';

const now = 1_800_000_000_000;

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  return { fake, ...seeded };
}

const status = (thrown: unknown) => (isHttpError(thrown) ? thrown.status : thrown);

describe('invitePerson', () => {
  it('stores a seven-day invitation, mails the link and records the act', async () => {
    const { fake, people, organisations } = await setup();
    await invitePerson({ context: fake.context, actor: people.secretariat, organisationId: organisations.other.id, email: 'New@Person.example', name: 'New Person', lead: true, linkOrigin: 'https://hub.test', now });
    const [invitation] = await fake.context.invitations.listByCoalition(people.secretariat.coalitionId);
    expect(invitation).toMatchObject({ email: 'new@person.example', organisationId: 'org_Other', roles: ['organisation-lead'], invitedBy: 'usr_Secretariat', expiresAt: now + invitationLifetimeMs });
    expect(invitationLifetimeMs).toBe(7 * 24 * 60 * 60_000);
    const token = /https:\/\/hub\.test\/invite\/([a-z2-7]{32})/.exec(fake.calls.mail[0]!.text)?.[1];
    expect(token).toBeDefined();
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'member.invited', details: { email: 'new@person.example', organisationId: 'org_Other', lead: true } });
    expect(JSON.stringify(fake.store.audit)).not.toContain(token!);
  });

  it('lets an organisation lead invite to their own organisation only', async () => {
    const { fake, people, organisations } = await setup();
    await invitePerson({ context: fake.context, actor: people.lead, organisationId: organisations.member.id, email: 'a@b.example', name: '', lead: false, linkOrigin: 'https://hub.test', now });
    const refused = await caught(() => invitePerson({ context: fake.context, actor: people.lead, organisationId: organisations.other.id, email: 'c@d.example', name: '', lead: false, linkOrigin: 'https://hub.test', now }));
    expect(status(refused)).toBe(403);
    expect(status(await caught(() => invitePerson({ context: fake.context, actor: people.member, organisationId: organisations.member.id, email: 'e@f.example', name: '', lead: false, linkOrigin: 'https://hub.test', now })))).toBe(403);
    expect(fake.calls.mail).toHaveLength(1);
  });

  it('refuses an implausible address and one that already has an account', async () => {
    const { fake, people, organisations } = await setup();
    const invite = (email: string) => invitePerson({ context: fake.context, actor: people.chair, organisationId: organisations.member.id, email, name: '', lead: false, linkOrigin: 'https://hub.test', now });
    await expect(invite('not an address')).rejects.toMatchObject({ code: 'input.email' });
    await expect(invite('member@test.example')).rejects.toMatchObject({ code: 'input.email' });
  });
});

describe('cancelInvitation', () => {
  it('deletes a pending invitation and records it', async () => {
    const { fake, people, organisations } = await setup();
    await invitePerson({ context: fake.context, actor: people.chair, organisationId: organisations.member.id, email: 'a@b.example', name: '', lead: false, linkOrigin: 'https://hub.test', now });
    const [invitation] = await fake.context.invitations.listByCoalition(people.chair.coalitionId);
    expect(status(await caught(() => cancelInvitation({ context: fake.context, actor: people.other, invitationId: invitation!.id, now })))).toBe(403);
    await cancelInvitation({ context: fake.context, actor: people.lead, invitationId: invitation!.id, now });
    expect(await fake.context.invitations.get(invitation!.id)).toBeNull();
    expect(fake.store.audit.at(-1)?.action).toBe('member.invitation-cancelled');
  });
});

describe('removeDelegate', () => {
  it('removes the person, ends their sessions, rotates privileges and closes their editors', async () => {
    const { fake, people } = await setup();
    await fake.context.sessions.create({ id: 's', userId: 'usr_Other', createdAt: now, lastUsedAt: now, expiresAt: now + 1e6, twoFactorVerified: true, privilegeVersion: 1, device: 'd' });
    await removeDelegate({ context: fake.context, actor: people.chair, userId: 'usr_Other', now });
    expect(await fake.context.directory.users.get('usr_Other')).toMatchObject({ status: 'removed', name: 'Other' });
    expect(await fake.context.sessions.listByUser('usr_Other')).toEqual([]);
    expect(fake.calls.bumped).toEqual(['usr_Other']);
    expect(fake.calls.evictedUsers).toEqual([{ userId: 'usr_Other', reason: 'access.removed' }]);
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'member.removed', subject: { kind: 'user', id: 'usr_Other' } });
  });

  it('is refused to a lead of another organisation and to a plain delegate; nobody removes themselves', async () => {
    const { fake, people } = await setup();
    expect(status(await caught(() => removeDelegate({ context: fake.context, actor: people.lead, userId: 'usr_Other', now })))).toBe(403);
    expect(status(await caught(() => removeDelegate({ context: fake.context, actor: people.other, userId: 'usr_Member', now })))).toBe(403);
    await expect(removeDelegate({ context: fake.context, actor: people.chair, userId: 'usr_Chair', now })).rejects.toMatchObject({ kind: 'input' });
    expect(fake.calls.bumped).toEqual([]);
  });

  it('does not find a person of another coalition', async () => {
    const { fake, people } = await setup();
    await fake.context.directory.users.put({ id: 'usr_Far', name: 'Far', organisationId: 'org_Far', coalitionId: 'coal_OTHER', roles: [], status: 'active' });
    await expect(removeDelegate({ context: fake.context, actor: people.chair, userId: 'usr_Far', now })).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('setOrganisationLead and setSecretariat', () => {
  it('names and unnames a lead, with a privilege change each time', async () => {
    const { fake, people } = await setup();
    await setOrganisationLead({ context: fake.context, actor: people.lead, userId: 'usr_Member', lead: true, now });
    expect((await fake.context.directory.users.get('usr_Member'))?.roles).toEqual(['organisation-lead']);
    await setOrganisationLead({ context: fake.context, actor: people.secretariat, userId: 'usr_Member', lead: false, now });
    expect((await fake.context.directory.users.get('usr_Member'))?.roles).toEqual([]);
    expect(fake.calls.bumped).toEqual(['usr_Member', 'usr_Member']);
    expect(fake.store.audit.map((e) => e.action)).toEqual(['member.lead-named', 'member.lead-unnamed']);
  });

  it('lets only the chair grant the secretariat role', async () => {
    const { fake, people } = await setup();
    expect(status(await caught(() => setSecretariat({ context: fake.context, actor: people.secretariat, userId: 'usr_Member', grant: true, now })))).toBe(403);
    await setSecretariat({ context: fake.context, actor: people.chair, userId: 'usr_Member', grant: true, now });
    expect((await fake.context.directory.users.get('usr_Member'))?.roles).toEqual(['secretariat']);
    expect(fake.calls.bumped).toEqual(['usr_Member']);
    expect(fake.calls.evictedUsers).toEqual([{ userId: 'usr_Member', reason: 'access.role-changed' }]);
    expect(fake.store.audit.at(-1)?.action).toBe('role.secretariat-granted');
  });
});
