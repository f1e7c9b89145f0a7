import type { Invitation } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { accountStoreFactories, type MakeStores } from '../../support/account-stores.ts';

const T0 = Date.UTC(2026, 10, 23, 12);

const invitation = (id: string, overrides: Partial<Invitation> = {}): Invitation => ({
  id,
  email: 'bob@example.org',
  name: 'Bob',
  coalitionId: 'coal_1',
  organisationId: 'org_1',
  roles: ['organisation-lead'],
  invitedBy: 'usr_1',
  createdAt: T0,
  expiresAt: T0 + 7 * 24 * 60 * 60_000,
  ...overrides,
});

async function startInvitations(make: MakeStores, input: { jitterMs?: number } = {}) {
  const clock = { now: T0 };
  const { invitations } = await make({ ...input, now: () => clock.now });
  return { clock, invitations };
}

/** The Invitations contract over DynamoDB and the in-memory store. */
describe.each(accountStoreFactories)('[DC11] Invitations (%s)', (_name, make) => {
  it('returns an invitation as created until it is consumed, then never again', async () => {
    const { invitations } = await startInvitations(make);
    await invitations.create(invitation('i1'));
    expect(await invitations.get('i1')).toStrictEqual(invitation('i1'));
    expect(await invitations.consume({ id: 'i1', now: T0 + 1 })).toStrictEqual(invitation('i1'));
    expect(await invitations.consume({ id: 'i1', now: T0 + 1 })).toBeNull();
    expect(await invitations.get('i1')).toBeNull();
    expect(await invitations.consume({ id: 'never', now: T0 })).toBeNull();
  });

  it('gives the invitation to exactly one of many concurrent consumers', async () => {
    const { invitations } = await startInvitations(make, { jitterMs: 5 });
    await invitations.create(invitation('i1'));
    const results = await Promise.all(Array.from({ length: 8 }, () => invitations.consume({ id: 'i1', now: T0 + 1 })));
    expect(results.filter((r) => r !== null)).toStrictEqual([invitation('i1')]);
  });

  it('refuses an expired invitation everywhere', async () => {
    const { invitations, clock } = await startInvitations(make);
    await invitations.create(invitation('i1', { expiresAt: T0 + 1_000 }));
    await invitations.create(invitation('i2', { expiresAt: T0 + 1_000 }));
    expect(await invitations.consume({ id: 'i1', now: T0 + 1_000 })).toBeNull();
    clock.now = T0 + 1_000;
    expect(await invitations.get('i2')).toBeNull();
    expect(await invitations.listByCoalition('coal_1')).toEqual([]);
  });

  it('refuses a second invitation with the same id', async () => {
    const { invitations } = await startInvitations(make);
    await invitations.create(invitation('i1'));
    await expect(invitations.create(invitation('i1', { email: 'eve@example.org' }))).rejects.toMatchObject({ kind: 'conflict' });
    expect((await invitations.get('i1'))?.email).toBe('bob@example.org');
  });

  it('lists a coalition’s pending invitations, oldest first, and forgets deleted and used ones', async () => {
    const { invitations } = await startInvitations(make);
    await invitations.create(invitation('late', { createdAt: T0 + 2 }));
    await invitations.create(invitation('early', { createdAt: T0 + 1 }));
    await invitations.create(invitation('used', { createdAt: T0 + 3 }));
    await invitations.create(invitation('gone', { createdAt: T0 + 4 }));
    await invitations.create(invitation('elsewhere', { coalitionId: 'coal_2' }));
    await invitations.consume({ id: 'used', now: T0 });
    await invitations.delete('gone');
    expect((await invitations.listByCoalition('coal_1')).map((i) => i.id)).toEqual(['early', 'late']);
    expect(await invitations.listByCoalition('coal_2')).toStrictEqual([invitation('elsewhere', { coalitionId: 'coal_2' })]);
    expect(await invitations.get('gone')).toBeNull();
  });
});
