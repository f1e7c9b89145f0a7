import { authorize } from '@concord/core';
import { groupDirectory } from '$lib/directory.ts';
import { webContext } from '$lib/server/context.ts';
import { enforce, requirePrincipal } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

/** Who is in the coalition: organisations by tier, with the people acting for them. */
export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  enforce(authorize({ actor: principal, action: 'coalition.read-directory', coalitionId: principal.coalitionId }));
  const { directory } = await webContext();
  const [coalition, organisations, users, taskForces] = await Promise.all([
    directory.coalitions.get(principal.coalitionId),
    directory.organisations.listByCoalition(principal.coalitionId),
    directory.users.listByCoalition(principal.coalitionId),
    directory.taskForces.listByCoalition(principal.coalitionId),
  ]);
  const names = new Map(organisations.map((org) => [org.id, org.name]));
  return {
    coalitionName: coalition?.name ?? '',
    groups: groupDirectory({ organisations, users: users.filter((user) => user.status === 'active') }),
    taskForces: taskForces.map((tf) => ({ id: tf.id, name: tf.name, organisations: tf.organisationIds.flatMap((id) => names.get(id) ?? []) })),
  };
};
