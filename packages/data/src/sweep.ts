/**
 * Deletes items whose TTL has passed. AWS does this itself (the table's TTL setting); dynalite
 * does not, so the local host runs this now and then. Readers already ignore expired items: this
 * only keeps the store from growing with dead tickets, chunks and connections.
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deleteAll, keyNames, str, type Key } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

/** Deletes every item whose TTL attribute is before `now` (epoch ms); returns how many. */
export async function sweepExpired(input: { client: DynamoDBDocumentClient; tableName: string; now: number }): Promise<number> {
  const { client, tableName } = input;
  const { partitionKey, sortKey, ttlAttribute } = tableDefinition;
  const keys: Key[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#ttl < :now',
        ProjectionExpression: '#pk, #sk',
        ExpressionAttributeNames: { ...keyNames, '#ttl': ttlAttribute },
        ExpressionAttributeValues: { ':now': Math.floor(input.now / 1000) },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const pk = str(item, partitionKey);
      const sk = str(item, sortKey);
      if (pk && sk) keys.push({ [partitionKey]: pk, [sortKey]: sk });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  await deleteAll({ client, tableName, keys });
  return keys.length;
}
