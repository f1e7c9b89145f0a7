/** Who is acting: resolved on the server from the session's user, never from anything the client says. */
import type { Organisation, Principal, User } from '@concord/core';
import type { Directory } from './ports.ts';

/** A principal for `user` acting for `organisation`; null when the two do not belong together. */
export function toPrincipal(input: { user: User; organisation: Organisation }): Principal | null {
  const { user, organisation } = input;
  if (user.status !== 'active') return null;
  if (user.organisationId !== organisation.id || user.coalitionId !== organisation.coalitionId) return null;
  return {
    userId: user.id,
    userName: user.name,
    organisationId: organisation.id,
    organisationName: organisation.name,
    coalitionId: organisation.coalitionId,
    tier: organisation.tier,
    isChair: organisation.isChair,
    roles: [...user.roles],
  };
}

/** Looks the user and their organisation up; null when either is unknown or the user was removed. */
export async function resolvePrincipal(input: { directory: Pick<Directory, 'users' | 'organisations'>; userId: string }): Promise<Principal | null> {
  const user = await input.directory.users.get(input.userId);
  if (!user) return null;
  const organisation = await input.directory.organisations.get(user.organisationId);
  return organisation ? toPrincipal({ user, organisation }) : null;
}
