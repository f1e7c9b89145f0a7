/**
 * A coalition's audit log: partition `AUDIT#<coalitionId>`, one item per entry under
 * `E#<seq:12>`, hash-chained by `@concord/auth`. Without transactions, the sort key is the lock:
 * `append` reads the latest entry (consistent), links the new one after it and puts it with
 * `attribute_not_exists` on its sequence number. Of concurrent appends of the same number exactly
 * one is stored; the others read the new latest entry and try again. So the chain stays linear
 * and gap-free whatever the concurrency, and an entry is never rewritten.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chainAuditEntry } from '@concord/auth/audit-chain';
import { fail, type AuditEntry } from '@concord/core';
import { auditFrom, auditItem } from './account-shapes.ts';
import { auditKeys } from './keys.ts';
import { conditionally, key, keyNames, queryAll, type Item } from './requests.ts';

export interface AuditLog {
  /**
   * Appends after the coalition's latest entry, retrying (with jitter) while other appends win
   * the race; throws a `conflict` DomainError (`audit.append-contended`) after `maxAttempts`.
   */
  append(input: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<AuditEntry>;
  /** Newest first: `limit` entries before `beforeSeq` (exclusive), or from the newest. */
  page(input: { coalitionId: string; beforeSeq?: number; limit: number }): Promise<AuditEntry[]>;
  /** The whole chain in order, for verification. */
  all(input: { coalitionId: string }): Promise<AuditEntry[]>;
}

const defaultMaxAttempts = 100;

export function createAuditLog(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  maxAttempts?: number;
  /** A number in [0, 1) for the retry jitter; defaults to `Math.random`. */
  random?: () => number;
}): AuditLog {
  const { client, tableName } = options;
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const random = options.random ?? Math.random;

  async function newest(input: { coalitionId: string; before?: string; limit: number; start?: Record<string, unknown> }) {
    const range = input.before === undefined ? 'begins_with(#sk, :prefix)' : '#sk BETWEEN :prefix AND :before';
    return client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: `#pk = :pk AND ${range}`,
        ExpressionAttributeNames: keyNames,
        ExpressionAttributeValues: {
          ':pk': auditKeys.pk(input.coalitionId),
          ':prefix': auditKeys.entryPrefix,
          ...(input.before === undefined ? {} : { ':before': input.before }),
        },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: input.limit,
        ExclusiveStartKey: input.start,
      }),
    );
  }

  async function append({ entry }: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<AuditEntry> {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, random() * Math.min(2 ** attempt, 50)));
      const latest = (await newest({ coalitionId: entry.coalitionId, limit: 1 })).Items?.[0];
      const linked = chainAuditEntry({ previous: latest ? auditFrom(latest) : null, entry });
      const stored = await conditionally(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key({ pk: auditKeys.pk(linked.coalitionId), sk: auditKeys.entry(linked.seq) }), ...auditItem(linked) },
            ConditionExpression: 'attribute_not_exists(#sk)',
            ExpressionAttributeNames: { '#sk': keyNames['#sk'] },
          }),
        ),
      );
      if (stored) return linked;
    }
    throw fail.conflict('audit.append-contended', `no audit entry appended after ${maxAttempts} attempts`);
  }

  return {
    append,

    async page({ coalitionId, beforeSeq, limit }) {
      if (limit <= 0 || (beforeSeq !== undefined && beforeSeq <= 1)) return [];
      const before = beforeSeq === undefined ? undefined : auditKeys.entry(beforeSeq - 1);
      const items: Item[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await newest({ coalitionId, before, limit: limit - items.length, start });
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start && items.length < limit);
      return items.map(auditFrom);
    },

    async all({ coalitionId }) {
      const items = await queryAll({
        client,
        query: {
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: keyNames,
          ExpressionAttributeValues: { ':pk': auditKeys.pk(coalitionId), ':prefix': auditKeys.entryPrefix },
          ConsistentRead: true,
        },
      });
      return items.map(auditFrom);
    },
  };
}
