import type { Organisation, User } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { groupDirectory } from './directory.ts';

function org(id: string, name: string, tier: Organisation['tier'], isChair = false): Organisation {
  return { id, coalitionId: 'coal_1', name, tier, stakeholderGroup: 'government', isChair };
}
function user(id: string, name: string, organisationId: string): User {
  return { id, name, organisationId, coalitionId: 'coal_1', roles: [], status: 'active' };
}

describe('groupDirectory', () => {
  const organisations = [
    org('org_ngo', 'Access Now', 'advisory'),
    org('org_fi', 'Finland', 'member'),
    org('org_ee', 'Estonia', 'member', true),
    org('org_obs', 'Observer State', 'observer'),
    org('org_empty', 'Nobody Here', 'member'),
  ];
  const users = [
    user('usr_3', 'Mari', 'org_fi'),
    user('usr_1', 'Kadri', 'org_ee'),
    user('usr_2', 'Aino', 'org_fi'),
    user('usr_4', 'Sam', 'org_ngo'),
    user('usr_5', 'Olu', 'org_obs'),
    user('usr_6', 'Lost', 'org_unknown'),
  ];

  it('lists members first, then advisory organisations, then observers', () => {
    expect(groupDirectory({ organisations, users }).map((group) => group.tier)).toEqual([
      'member',
      'advisory',
      'observer',
    ]);
  });

  it('sorts organisations and their people by name and keeps the chair flag', () => {
    const [members] = groupDirectory({ organisations, users });
    expect(members?.organisations.map((o) => [o.name, o.isChair, o.people.map((p) => p.name)])).toEqual([
      ['Estonia', true, ['Kadri']],
      ['Finland', false, ['Aino', 'Mari']],
    ]);
  });

  it('leaves out organisations without people and people without an organisation', () => {
    const names = groupDirectory({ organisations, users }).flatMap((g) => g.organisations.map((o) => o.name));
    expect(names).not.toContain('Nobody Here');
    expect(groupDirectory({ organisations, users }).flatMap((g) => g.organisations.flatMap((o) => o.people))).not.toContainEqual(
      { id: 'usr_6', name: 'Lost' },
    );
  });

  it('omits a tier nobody is in', () => {
    const groups = groupDirectory({ organisations: organisations.slice(1, 3), users });
    expect(groups.map((group) => group.tier)).toEqual(['member']);
  });
});
