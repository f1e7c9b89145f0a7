/** A person seated in a test coalition's directory, as the principal they act as. */
import type { Organisation, Principal, User } from '@concord/core';

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
