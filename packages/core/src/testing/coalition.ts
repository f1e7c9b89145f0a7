import type { Organisation, Principal, User } from '../coalition.ts';

/**
 * The test coalition's organisations: the chair and two more members (governments), an advisory
 * organisation, an observer and the support unit (civil society). Each is named after its id.
 */
export function testOrganisations(coalitionId: string) {
  const org = (id: string, tier: Organisation['tier'], isChair = false): Organisation => ({
    id,
    coalitionId,
    name: id.slice(4),
    tier,
    stakeholderGroup: tier === 'member' ? 'government' : 'civil-society',
    isChair,
  });
  return {
    chair: org('org_Chair', 'member', true),
    member: org('org_Member', 'member'),
    other: org('org_Other', 'member'),
    advisory: org('org_Advisory', 'advisory'),
    observer: org('org_Observer', 'observer'),
    support: org('org_Support', 'observer'),
  };
}

/** A person seated in a test coalition's directory (active, named after their id), as the principal they act as. */
export async function seatPerson(input: {
  directory: { users: { put(user: User): Promise<void> } };
  coalitionId: string;
  id: string;
  organisation: Organisation;
  roles?: User['roles'];
}): Promise<Principal> {
  const { directory, coalitionId, id, organisation, roles = [] } = input;
  await directory.users.put({ id, name: id.slice(4), organisationId: organisation.id, coalitionId, roles, status: 'active' });
  return { userId: id, userName: id.slice(4), organisationId: organisation.id, organisationName: organisation.name, coalitionId, tier: organisation.tier, isChair: organisation.isChair, roles };
}

/** The test coalition's people, seated by `person`: a delegate of the chair, of each member (one a lead), of the advisory organisation and of the observer. */
export async function seatTestPeople(
  person: (id: string, organisation: Organisation, roles?: User['roles']) => Promise<Principal>,
  organisations: Omit<ReturnType<typeof testOrganisations>, 'support'>,
) {
  return {
    chair: await person('usr_Chair', organisations.chair),
    member: await person('usr_Member', organisations.member),
    lead: await person('usr_Lead', organisations.member, ['organisation-lead']),
    other: await person('usr_Other', organisations.other),
    advisory: await person('usr_Advisory', organisations.advisory),
    observer: await person('usr_Observer', organisations.observer),
  };
}
