import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { caught, createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { addOrganisation, changeOrganisation, handChair } from './organisations.ts';

const now = 1_800_000_000_000;

async function setup() {
  const fake = await createFakeContext({ now: () => now });
  const seeded = await seedCoalition(fake);
  return { fake, ...seeded };
}

describe('addOrganisation', () => {
  it('adds an organisation with its tier and group, and records it', async () => {
    const { fake, people } = await setup();
    const org = await addOrganisation({ context: fake.context, actor: people.secretariat, name: 'Kenya', tier: 'member', stakeholderGroup: 'government', now });
    expect(await fake.context.directory.organisations.get(org.id)).toMatchObject({ name: 'Kenya', tier: 'member', isChair: false, coalitionId: people.secretariat.coalitionId });
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'organisation.added', details: { name: 'Kenya' } });
  });

  it('refuses a duplicate name, an unknown tier, and anyone but the chair and the secretariat', async () => {
    const { fake, people } = await setup();
    await expect(addOrganisation({ context: fake.context, actor: people.chair, name: 'member', tier: 'member', stakeholderGroup: 'government', now })).rejects.toMatchObject({ code: 'input.name' });
    await expect(addOrganisation({ context: fake.context, actor: people.chair, name: 'X', tier: 'king', stakeholderGroup: 'government', now })).rejects.toMatchObject({ code: 'input.tier' });
    const refused = await caught(() => addOrganisation({ context: fake.context, actor: people.lead, name: 'Y', tier: 'member', stakeholderGroup: 'government', now }));
    expect(isHttpError(refused) && refused.status).toBe(403);
  });
});

describe('changeOrganisation', () => {
  it('changes the tier: its delegates’ sessions rotate and their editors close', async () => {
    const { fake, people, organisations } = await setup();
    await changeOrganisation({ context: fake.context, actor: people.chair, organisationId: organisations.member.id, tier: 'observer', stakeholderGroup: 'government', now });
    expect((await fake.context.directory.organisations.get('org_Member'))?.tier).toBe('observer');
    expect(fake.calls.bumped.sort()).toEqual(['usr_Lead', 'usr_Member']);
    expect(fake.calls.evictedUsers.map((e) => e.userId).sort()).toEqual(['usr_Lead', 'usr_Member']);
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'organisation.tier-changed', details: { from: 'member', to: 'observer' } });
  });

  it('changes only the stakeholder group without touching anyone’s access', async () => {
    const { fake, people, organisations } = await setup();
    await changeOrganisation({ context: fake.context, actor: people.chair, organisationId: organisations.member.id, tier: 'member', stakeholderGroup: 'academia', now });
    expect(fake.calls.bumped).toEqual([]);
    expect(fake.store.audit.at(-1)?.action).toBe('organisation.group-changed');
  });

  it("refuses a change to the actor's own organisation, tier or group, and changes nothing", async () => {
    const { fake, people, organisations } = await setup();
    for (const tier of ['member', 'observer']) {
      const refused = await caught(() => changeOrganisation({ context: fake.context, actor: people.secretariat, organisationId: organisations.support.id, tier, stakeholderGroup: 'academia', now }));
      expect(isHttpError(refused) && refused.status).toBe(403);
    }
    expect(await fake.context.directory.organisations.get(organisations.support.id)).toEqual(organisations.support);
    expect(fake.store.audit).toEqual([]);
  });

  it('keeps the chair a member organisation', async () => {
    const { fake, people, organisations } = await setup();
    await expect(changeOrganisation({ context: fake.context, actor: people.secretariat, organisationId: organisations.chair.id, tier: 'advisory', stakeholderGroup: 'government', now })).rejects.toMatchObject({ code: 'input.tier' });
  });
});

describe('handChair', () => {
  it('moves the chair to another member organisation: exactly one chair, both delegations rotate', async () => {
    const { fake, people, organisations } = await setup();
    await handChair({ context: fake.context, actor: people.chair, organisationId: organisations.other.id, now });
    const chairs = (await fake.context.directory.organisations.listByCoalition(people.chair.coalitionId)).filter((o) => o.isChair);
    expect(chairs.map((o) => o.id)).toEqual(['org_Other']);
    expect(fake.calls.bumped.sort()).toEqual(['usr_Chair', 'usr_Other']);
    expect(fake.store.audit.at(-1)).toMatchObject({ action: 'organisation.chair-handed', details: { from: 'Chair', to: 'Other' } });
  });

  it('refuses the secretariat, and the chair handing it to its own organisation', async () => {
    const { fake, people, organisations } = await setup();
    for (const organisationId of [organisations.support.id, organisations.member.id]) {
      const refused = await caught(() => handChair({ context: fake.context, actor: people.secretariat, organisationId, now }));
      expect(isHttpError(refused) && refused.status).toBe(403);
    }
    const own = await caught(() => handChair({ context: fake.context, actor: people.chair, organisationId: organisations.chair.id, now }));
    expect(isHttpError(own) && own.status).toBe(403);
    expect((await fake.context.directory.organisations.listByCoalition(people.chair.coalitionId)).filter((o) => o.isChair).map((o) => o.id)).toEqual([organisations.chair.id]);
  });

  it('refuses a non-member organisation and a lead', async () => {
    const { fake, people, organisations } = await setup();
    await expect(handChair({ context: fake.context, actor: people.chair, organisationId: organisations.observer.id, now })).rejects.toMatchObject({ kind: 'input' });
    const refused = await caught(() => handChair({ context: fake.context, actor: people.lead, organisationId: organisations.member.id, now }));
    expect(isHttpError(refused) && refused.status).toBe(403);
  });
});
