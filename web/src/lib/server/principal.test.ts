import type { Organisation, User } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { demoCookieOptions, parseUserId, resolvePrincipal, toPrincipal } from './principal.ts';

const estonia: Organisation = {
  id: 'org_EE',
  coalitionId: 'coal_FOC',
  name: 'Estonia',
  tier: 'member',
  stakeholderGroup: 'government',
  isChair: true,
};
const kadri: User = { id: 'usr_KADRI', name: 'Kadri Tamm', organisationId: 'org_EE', coalitionId: 'coal_FOC' };

describe('parseUserId', () => {
  it('accepts an id made of letters, digits, dashes and underscores', () => {
    expect(parseUserId('usr_01J9ZK3')).toBe('usr_01J9ZK3');
  });

  it('refuses missing, empty, oversized or odd values', () => {
    expect(parseUserId(undefined)).toBeNull();
    expect(parseUserId('')).toBeNull();
    expect(parseUserId('a'.repeat(81))).toBeNull();
    expect(parseUserId('usr_1; drop')).toBeNull();
    expect(parseUserId('../etc')).toBeNull();
  });
});

describe('demoCookieOptions', () => {
  it('keeps the cookie from scripts and cross-site posts, secure on https', () => {
    expect(demoCookieOptions({ secure: true })).toMatchObject({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
    });
    expect(demoCookieOptions({ secure: false }).secure).toBe(false);
  });
});

describe('toPrincipal', () => {
  it('carries the person, their organisation, its tier and chairship', () => {
    expect(toPrincipal({ user: kadri, organisation: estonia })).toEqual({
      userId: 'usr_KADRI',
      userName: 'Kadri Tamm',
      organisationId: 'org_EE',
      organisationName: 'Estonia',
      coalitionId: 'coal_FOC',
      tier: 'member',
      isChair: true,
    });
  });

  it('refuses a user paired with an organisation they do not act for', () => {
    expect(toPrincipal({ user: { ...kadri, organisationId: 'org_FI' }, organisation: estonia })).toBeNull();
    expect(toPrincipal({ user: { ...kadri, coalitionId: 'coal_OTHER' }, organisation: estonia })).toBeNull();
  });
});

describe('resolvePrincipal', () => {
  const findUser = async (id: string) => (id === kadri.id ? kadri : null);
  const findOrganisation = async (id: string) => (id === estonia.id ? estonia : null);

  it('resolves a known user to a principal', async () => {
    const principal = await resolvePrincipal({ userId: 'usr_KADRI', findUser, findOrganisation });
    expect(principal?.organisationName).toBe('Estonia');
  });

  it('gives no principal without a user id, for an unknown user, or an unknown organisation', async () => {
    expect(await resolvePrincipal({ userId: null, findUser, findOrganisation })).toBeNull();
    expect(await resolvePrincipal({ userId: 'usr_GONE', findUser, findOrganisation })).toBeNull();
    expect(await resolvePrincipal({ userId: 'usr_KADRI', findUser, findOrganisation: async () => null })).toBeNull();
  });
});
