import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { caught, createFakeContext, seedCoalition } from '../testing/fakes.ts';
import { coalitionLanding, coalitionPage, organisationPage } from './overview.ts';

async function setup() {
  const fake = await createFakeContext();
  const seeded = await seedCoalition(fake);
  return { fake, ...seeded };
}

const status = (thrown: unknown) => (isHttpError(thrown) ? thrown.status : thrown);

describe('coalitionLanding', () => {
  it('lets managers in, sends leads to their organisation, refuses the rest', async () => {
    const { people } = await setup();
    expect(coalitionLanding(people.chair)).toEqual({ kind: 'manage' });
    expect(coalitionLanding(people.secretariat)).toEqual({ kind: 'manage' });
    expect(coalitionLanding(people.lead)).toEqual({ kind: 'own-organisation', path: '/coalition/organisations/org_Member' });
    expect(status(await caught(async () => coalitionLanding(people.member)))).toBe(403);
    expect(status(await caught(async () => coalitionLanding(people.observer)))).toBe(403);
  });
});

describe('coalitionPage', () => {
  it('lists every organisation with its active delegates counted', async () => {
    const { fake, people } = await setup();
    await fake.context.directory.users.put({ id: 'usr_Gone', name: 'Gone', organisationId: 'org_Member', coalitionId: people.chair.coalitionId, roles: [], status: 'removed' });
    const page = await coalitionPage({ context: fake.context, actor: people.secretariat });
    expect(page.organisations).toHaveLength(6);
    expect(page.organisations.find((o) => o.id === 'org_Member')?.people).toBe(2);
    expect(status(await caught(() => coalitionPage({ context: fake.context, actor: people.lead })))).toBe(403);
  });

  it("offers the secretariat neither its own organisation's tier, nor the chair's delegation, nor the chair", async () => {
    const { fake, people } = await setup();
    const page = await coalitionPage({ context: fake.context, actor: people.secretariat });
    const org = (id: string) => page.organisations.find((o) => o.id === id);
    expect(org(people.secretariat.organisationId)).toMatchObject({ canChange: false, canManageDelegates: true });
    expect(org('org_Chair')).toMatchObject({ canChange: true, canManageDelegates: false });
    expect(org('org_Member')).toMatchObject({ canChange: true, canManageDelegates: true });
    expect(page.canHandChair).toBe(false);
    expect((await coalitionPage({ context: fake.context, actor: people.chair })).canHandChair).toBe(true);
  });
});

describe('organisationPage', () => {
  it('shows an organisation’s delegates to its lead, but another’s to nobody but managers', async () => {
    const { fake, people } = await setup();
    const own = await organisationPage({ context: fake.context, actor: people.lead, organisationId: 'org_Member' });
    expect(own.people.map((p) => [p.name, p.isLead, p.isSelf])).toEqual([
      ['Lead', true, true],
      ['Member', false, false],
    ]);
    expect(own.canGrantSecretariat).toBe(false);
    expect(status(await caught(() => organisationPage({ context: fake.context, actor: people.lead, organisationId: 'org_Other' })))).toBe(403);
    expect((await organisationPage({ context: fake.context, actor: people.chair, organisationId: 'org_Other' })).canGrantSecretariat).toBe(true);
  });

  it('answers our 404, not a 500, for an unknown, foreign or malformed id in the address (issue #12)', async () => {
    const { fake, people } = await setup();
    await fake.context.directory.organisations.put({ id: 'org_Foreign', coalitionId: 'coal_Elsewhere', name: 'Foreign', tier: 'member', stakeholderGroup: 'government', isChair: false });
    for (const organisationId of ['org_DoesNotExist', 'org_Foreign', 'x'.repeat(3_000), '', '%0A']) {
      const thrown = await caught(() => organisationPage({ context: fake.context, actor: people.chair, organisationId }));
      expect(status(thrown), organisationId.slice(0, 30)).toBe(404);
    }
  });
});
