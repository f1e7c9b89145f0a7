/**
 * Request helpers shared by the stores: recognising a failed condition, reading a whole query,
 * deleting many items. Nothing here knows the layout.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from './table-definition.ts';

/** A stored item as the document client returns it. */
export type Item = Record<string, unknown>;

/** A primary key in the table's attribute names. */
export type Key = Record<string, string>;

export const key = (input: { pk: string; sk: string }): Key => ({
  [tableDefinition.partitionKey]: input.pk,
  [tableDefinition.sortKey]: input.sk,
});

/** `#pk`/`#sk`/`#ttl` stand for the table's key and TTL attribute names in every expression. */
export const keyNames = {
  '#pk': tableDefinition.partitionKey,
  '#sk': tableDefinition.sortKey,
} as const;

/** True for the error of a failed ConditionExpression (the only expected write failure). */
export function isConditionFailed(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/** Runs `write`; resolves false instead of throwing when its condition failed. */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Every item a query matches, following `LastEvaluatedKey` to the end. */
export async function queryAll(input: { client: DynamoDBDocumentClient; query: QueryCommandInput }): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await input.client.send(new QueryCommand({ ...input.query, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Deletes one item and returns what it held, or null when it was not there. Of concurrent
 * callers only one gets the item: what makes tickets, invitations and resets single-use.
 */
export async function takeItem(input: { client: DynamoDBDocumentClient; tableName: string; key: Key }): Promise<Item | null> {
  const result = await input.client.send(new DeleteCommand({ TableName: input.tableName, Key: input.key, ReturnValues: 'ALL_OLD' }));
  return result.Attributes ?? null;
}

const batchLimit = 25;
const maxRounds = 8;

/**
 * Deletes `keys` with BatchWriteItem (25 per request), retrying unprocessed ones with backoff.
 * Deleting a missing item is not an error. Not atomic: each item goes on its own.
 */
export async function deleteAll(input: { client: DynamoDBDocumentClient; tableName: string; keys: Key[] }): Promise<void> {
  await writeAll({ ...input, requests: input.keys.map((Key) => ({ DeleteRequest: { Key } })) });
}

/** Puts every item with BatchWriteItem (25 a request, in parallel), retrying what comes back unprocessed. */
export async function putAll(input: { client: DynamoDBDocumentClient; tableName: string; items: Item[] }): Promise<void> {
  await writeAll({ ...input, requests: input.items.map((Item) => ({ PutRequest: { Item } })) });
}

type WriteRequest = { DeleteRequest: { Key: Key } } | { PutRequest: { Item: Item } };

async function writeAll(input: { client: DynamoDBDocumentClient; tableName: string; requests: WriteRequest[] }): Promise<void> {
  const { client, tableName } = input;
  const groups: WriteRequest[][] = [];
  for (let i = 0; i < input.requests.length; i += batchLimit) groups.push(input.requests.slice(i, i + batchLimit));
  await Promise.all(
    groups.map(async (group) => {
      let pending = group;
      for (let round = 0; pending.length > 0; round++) {
        if (round === maxRounds) throw new Error(`BatchWriteItem left ${pending.length} writes unprocessed`);
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      }
    }),
  );
}

/** The item's value at `name` when it is a string, else undefined. */
export const str = (item: Item, name: string): string | undefined => {
  const value = item[name];
  return typeof value === 'string' ? value : undefined;
};

/** The item's value at `name` when it is a number, else undefined. */
export const num = (item: Item, name: string): number | undefined => {
  const value = item[name];
  return typeof value === 'number' ? value : undefined;
};

/** The item's value at `name` when it is binary, else undefined. */
export const bin = (item: Item, name: string): Uint8Array | undefined => {
  const value = item[name];
  return value instanceof Uint8Array ? value : undefined;
};
