/**
 * When what a person may do changes (tier, chair, roles, removal, task-force membership): their
 * sessions rotate on the next request (privilege version bumped) and their open editors are
 * closed, to reconnect with the new access or be refused.
 */
import { isDomainError } from '@concord/core';
import type { CoalitionAccounts, CoalitionLive } from './ports.ts';

export async function privilegesChanged(input: {
  ports: { accounts: Pick<CoalitionAccounts, 'bumpPrivilege'>; realtime: Pick<CoalitionLive, 'evictUser'> };
  userIds: readonly string[];
  reason: string;
}): Promise<void> {
  const { accounts, realtime } = input.ports;
  for (const userId of new Set(input.userIds)) {
    try {
      await accounts.bumpPrivilege(userId);
    } catch (error) {
      // Nobody signs in as a person without an account (deleted, or never made): nothing to rotate.
      if (!(isDomainError(error) && error.kind === 'not-found')) throw error;
    }
    await realtime.evictUser({ userId, reason: input.reason });
  }
}

/** The active people of some organisations (they all act with the organisation's tier and chair). */
export function activeUserIdsOf(users: readonly { id: string; organisationId: string; status: string }[], organisationIds: readonly string[]): string[] {
  const wanted = new Set(organisationIds);
  return users.filter((user) => user.status === 'active' && wanted.has(user.organisationId)).map((user) => user.id);
}
