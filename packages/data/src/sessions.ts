/**
 * Sessions: `SESSION#<id>` / `SESSION` (the id is the token's SHA-256), with the TTL at its
 * expiry, listed per person in `gsi1` under `USER#<userId>#SESSIONS`. Reads drop expired
 * sessions (dynalite keeps them until swept). Lists go through the index: eventually consistent
 * on AWS, so a session made a moment ago may be missing from `listByUser` and `deleteByUser`.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fail, type Session } from '@concord/core';
import { expiryItem, sessionFrom, sessionItem } from './account-shapes.ts';
import { sessionKeys } from './keys.ts';
import { deleteAll, deleteItem, getOne, key, putIfAbsent, queryPrefix, updateIf } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import type { Sessions } from '@concord/accounts/ports';

const index = tableDefinition.indexes.gsi1;

export function createSessions(options: { client: DynamoDBDocumentClient; tableName: string; now?: () => number }): Sessions {
  const { client, tableName } = options;
  const now = options.now ?? Date.now;
  const sessionKey = (id: string) => key({ pk: sessionKeys.pk(id), sk: sessionKeys.sk });

  const listAll = async (userId: string): Promise<Session[]> =>
    (await queryPrefix({ client, tableName, index: 'gsi1', pk: sessionKeys.byUser(userId) })).map(sessionFrom);

  return {
    async create(session) {
      const stored = await putIfAbsent({
        client,
        tableName,
        item: { ...sessionKey(session.id), ...sessionItem(session), [index.partitionKey]: sessionKeys.byUser(session.userId), [index.sortKey]: sessionKeys.entry(session.id) },
      });
      if (!stored) throw fail.conflict('session.exists', 'a session with this id exists');
    },

    async get(id) {
      const item = await getOne({ client, tableName, key: sessionKey(id) });
      const session = item ? sessionFrom(item) : null;
      return session && session.expiresAt > now() ? session : null;
    },

    async touch({ id, expiresAt, lastUsedAt }) {
      const expiry = expiryItem(expiresAt);
      // Never brings back a session signed out in the meantime.
      await updateIf({
        client,
        tableName,
        key: sessionKey(id),
        update: 'SET expiresAtMs = :expiresAtMs, #ttl = :ttl, lastUsedAt = :lastUsedAt',
        condition: 'attribute_exists(#pk)',
        values: { ':expiresAtMs': expiry.expiresAtMs, ':ttl': expiry[tableDefinition.ttlAttribute], ':lastUsedAt': lastUsedAt },
      });
    },

    async listByUser(userId) {
      const at = now();
      return (await listAll(userId)).filter((s) => s.expiresAt > at).sort((a, b) => b.lastUsedAt - a.lastUsedAt);
    },

    async delete(id) {
      await deleteItem({ client, tableName, key: sessionKey(id) });
    },

    async deleteByUser({ userId, except }) {
      const ids = (await listAll(userId)).map((s) => s.id).filter((id) => id !== except);
      await deleteAll({ client, tableName, keys: ids.map(sessionKey) });
      return ids;
    },
  };
}
