/**
 * Sessions: `SESSION#<id>` / `SESSION` (the id is the token's SHA-256), with the TTL at its
 * expiry, listed per person in `gsi1` under `USER#<userId>#SESSIONS`. Reads drop expired
 * sessions (dynalite keeps them until swept). Lists go through the index: eventually consistent
 * on AWS, so a session made a moment ago may be missing from `listByUser` and `deleteByUser`.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fail, type Session } from '@concord/core';
import { expiryItem, sessionFrom, sessionItem } from './account-shapes.ts';
import { sessionKeys } from './keys.ts';
import { conditionally, deleteAll, key, keyNames, queryAll } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { gsi1IndexName } from './table.ts';

export interface Sessions {
  /** Stores a new session; a `conflict` DomainError if one with this id exists. */
  create(session: Session): Promise<void>;
  /** The session, or null when unknown or expired. */
  get(id: string): Promise<Session | null>;
  /** Moves the expiry and records the use; does nothing for a session already deleted. */
  touch(input: { id: string; expiresAt: number; lastUsedAt: number }): Promise<void>;
  /** The person's live sessions, most recently used first. */
  listByUser(userId: string): Promise<Session[]>;
  delete(id: string): Promise<void>;
  /** Deletes every session of the person (expired ones too) except `except`; returns the ids deleted. */
  deleteByUser(input: { userId: string; except?: string }): Promise<string[]>;
}

const index = tableDefinition.indexes.gsi1;

export function createSessions(options: { client: DynamoDBDocumentClient; tableName: string; now?: () => number }): Sessions {
  const { client, tableName } = options;
  const now = options.now ?? Date.now;
  const sessionKey = (id: string) => key({ pk: sessionKeys.pk(id), sk: sessionKeys.sk });

  const listAll = async (userId: string): Promise<Session[]> => {
    const items = await queryAll({
      client,
      query: {
        TableName: tableName,
        IndexName: gsi1IndexName,
        KeyConditionExpression: '#gpk = :pk',
        ExpressionAttributeNames: { '#gpk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': sessionKeys.byUser(userId) },
      },
    });
    return items.map(sessionFrom);
  };

  return {
    async create(session) {
      const stored = await conditionally(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...sessionKey(session.id),
              ...sessionItem(session),
              [index.partitionKey]: sessionKeys.byUser(session.userId),
              [index.sortKey]: sessionKeys.entry(session.id),
            },
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': keyNames['#pk'] },
          }),
        ),
      );
      if (!stored) throw fail.conflict('session.exists', 'a session with this id exists');
    },

    async get(id) {
      const result = await client.send(new GetCommand({ TableName: tableName, Key: sessionKey(id), ConsistentRead: true }));
      const session = result.Item ? sessionFrom(result.Item) : null;
      return session && session.expiresAt > now() ? session : null;
    },

    async touch({ id, expiresAt, lastUsedAt }) {
      const expiry = expiryItem(expiresAt);
      // Never brings back a session signed out in the meantime.
      await conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sessionKey(id),
            UpdateExpression: 'SET expiresAtMs = :expiresAtMs, #ttl = :ttl, lastUsedAt = :lastUsedAt',
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#pk': keyNames['#pk'], '#ttl': tableDefinition.ttlAttribute },
            ExpressionAttributeValues: { ':expiresAtMs': expiry.expiresAtMs, ':ttl': expiry[tableDefinition.ttlAttribute], ':lastUsedAt': lastUsedAt },
          }),
        ),
      );
    },

    async listByUser(userId) {
      const at = now();
      return (await listAll(userId)).filter((s) => s.expiresAt > at).sort((a, b) => b.lastUsedAt - a.lastUsedAt);
    },

    async delete(id) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: sessionKey(id) }));
    },

    async deleteByUser({ userId, except }) {
      const ids = (await listAll(userId)).map((s) => s.id).filter((id) => id !== except);
      await deleteAll({ client, tableName, keys: ids.map(sessionKey) });
      return ids;
    },
  };
}
