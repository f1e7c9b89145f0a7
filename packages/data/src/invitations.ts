/**
 * Invitations: `INVITE#<id>` / `INVITE` (the id is the emailed token's SHA-256) with the TTL at
 * its expiry, listed per coalition in `gsi1` under `COAL#<coalitionId>#INVITES`, oldest first.
 * `consume` is one DeleteItem returning the old item: an invitation is taken at most once, even
 * by concurrent callers. Expired invitations read as absent.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fail, type Invitation } from '@concord/core';
import { invitationFrom, invitationItem } from './account-shapes.ts';
import { invitationKeys } from './keys.ts';
import { deleteItem, getOne, key, putIfAbsent, queryPrefix, takeItem } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import type { Invitations } from '@concord/accounts/ports';

const index = tableDefinition.indexes.gsi1;

export function createInvitations(options: { client: DynamoDBDocumentClient; tableName: string; now?: () => number }): Invitations {
  const { client, tableName } = options;
  const now = options.now ?? Date.now;
  const invitationKey = (id: string) => key({ pk: invitationKeys.pk(id), sk: invitationKeys.sk });

  return {
    async create(invitation) {
      const stored = await putIfAbsent({
        client,
        tableName,
        item: {
          ...invitationKey(invitation.id),
          ...invitationItem(invitation),
          [index.partitionKey]: invitationKeys.byCoalition(invitation.coalitionId),
          [index.sortKey]: invitationKeys.entry(invitation),
        },
      });
      if (!stored) throw fail.conflict('invitation.exists', 'an invitation with this id exists');
    },

    async get(id) {
      const item = await getOne({ client, tableName, key: invitationKey(id) });
      const invitation = item ? invitationFrom(item) : null;
      return invitation && invitation.expiresAt > now() ? invitation : null;
    },

    async consume({ id, now: at }) {
      const item = await takeItem({ client, tableName, key: invitationKey(id) });
      const invitation = item ? invitationFrom(item) : null;
      return invitation && invitation.expiresAt > at ? invitation : null;
    },

    async listByCoalition(coalitionId) {
      const items = await queryPrefix({ client, tableName, index: 'gsi1', pk: invitationKeys.byCoalition(coalitionId), filter: 'expiresAtMs > :now', values: { ':now': now() } });
      return items.map(invitationFrom);
    },

    async delete(id) {
      await deleteItem({ client, tableName, key: invitationKey(id) });
    },
  };
}
