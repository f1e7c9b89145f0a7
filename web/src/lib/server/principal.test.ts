import type { Organisation, User } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { resolvePrincipal, toPrincipal } from './principal.ts';

const estonia: Organisation = {
  id: 'org_EE',
  coalitionId: 'coal_FOC',
  name: 'Estonia',
  tier: 'member',
  stakeholderGroup: 'government',
  isChair: true,
};
const kadri: User = { id: 'usr_KADRI', name: 'Kadri Tamm', organisationId: 'org_EE', coalitionId: 'coal_FOC', roles: ['organisation-lead'], status: 'active' };

const directory = {
  users: { get: async (id: string) => (id === kadri.id ? kadri : null) },
  organisations: { get: async (id: string) => (id === estonia.id ? estonia : null) },
} as unknown as Parameters<typeof resolvePrincipal>[0]['directory'];

describe('toPrincipal', () => {
  it('carries the person, their organisation, its tier, chairship and the person’s roles', () => {
    expect(toPrincipal({ user: kadri, organisation: estonia })).toEqual({
      userId: 'usr_KADRI',
      userName: 'Kadri Tamm',
      organisationId: 'org_EE',
      organisationName: 'Estonia',
      coalitionId: 'coal_FOC',
      tier: 'member',
      isChair: true,
      roles: ['organisation-lead'],
    });
  });

  it('refuses a user paired with an organisation they do not act for, or a removed user', () => {
    expect(toPrincipal({ user: { ...kadri, organisationId: 'org_FI' }, organisation: estonia })).toBeNull();
    expect(toPrincipal({ user: { ...kadri, coalitionId: 'coal_OTHER' }, organisation: estonia })).toBeNull();
    expect(toPrincipal({ user: { ...kadri, status: 'removed' }, organisation: estonia })).toBeNull();
  });
});

describe('resolvePrincipal', () => {
  it('resolves a known user to a principal, and nobody else', async () => {
    expect((await resolvePrincipal({ directory, userId: 'usr_KADRI' }))?.organisationName).toBe('Estonia');
    expect(await resolvePrincipal({ directory, userId: 'usr_GONE' })).toBeNull();
  });
});
