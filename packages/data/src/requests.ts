/**
 * Request helpers shared by the stores: one-item reads and writes (conditional ones answer false
 * instead of throwing), whole queries by sort-key prefix or range, deleting and putting many items.
 * Nothing here knows the layout. Every helper sends exactly the one request it names (the
 * queries, one per page); none retries.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from './table-definition.ts';
import { gsi1IndexName } from './table.ts';

/** A stored item as the document client returns it. */
export type Item = Record<string, unknown>;

/** A primary key in the table's attribute names. */
export type Key = Record<string, string>;

/** Where a request goes: every store's `{ client, tableName }`. */
export interface Table {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export const key = (input: { pk: string; sk: string }): Key => ({
  [tableDefinition.partitionKey]: input.pk,
  [tableDefinition.sortKey]: input.sk,
});

/** `#pk`/`#sk`/`#ttl` stand for the table's key and TTL attribute names in every expression. */
export const keyNames = {
  '#pk': tableDefinition.partitionKey,
  '#sk': tableDefinition.sortKey,
} as const;

const standardNames: Record<string, string> = { ...keyNames, '#ttl': tableDefinition.ttlAttribute };

/**
 * An expression's attribute names and values. `#pk`, `#sk` and `#ttl` need no entry in `names`:
 * they are added when an expression uses them (DynamoDB refuses names no expression uses).
 */
export interface Expression {
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** `ExpressionAttributeNames` for `expressions`: the standard names they use, then `names`. */
function namesFor(expressions: readonly (string | undefined)[], names?: Record<string, string>): Record<string, string> | undefined {
  const used = Object.entries(standardNames).filter(([name]) => expressions.some((e) => e !== undefined && new RegExp(`${name}\\b`).test(e)));
  const all = { ...Object.fromEntries(used), ...names };
  return Object.keys(all).length > 0 ? all : undefined;
}

/** DynamoDB refuses an empty `ExpressionAttributeValues`. */
const valuesOf = (values?: Record<string, unknown>) => (values && Object.keys(values).length > 0 ? values : undefined);

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

/**
 * GetItem: the item, or null. Consistent unless `consistent: false` — every store reads its own
 * writes. `projection` (and its `names`) reads only those attributes.
 */
export async function getOne(input: Table & { key: Key; consistent?: boolean; projection?: string; names?: Record<string, string> }): Promise<Item | null> {
  const result = await input.client.send(
    new GetCommand({
      TableName: input.tableName,
      Key: input.key,
      ConsistentRead: input.consistent ?? true,
      ProjectionExpression: input.projection,
      ExpressionAttributeNames: input.projection === undefined ? undefined : namesFor([input.projection], input.names),
    }),
  );
  return result.Item ?? null;
}

/** PutItem: creates the item or replaces the one with its key. */
export async function putItem(input: Table & { item: Item }): Promise<void> {
  await input.client.send(new PutCommand({ TableName: input.tableName, Item: input.item }));
}

/** A write's condition with its attribute names and values. */
const conditionOf = (input: Expression & { condition: string }) => ({
  ConditionExpression: input.condition,
  ExpressionAttributeNames: namesFor([input.condition], input.names),
  ExpressionAttributeValues: valuesOf(input.values),
});

/** PutItem under `condition`: false, and nothing written, when it fails. */
export function putIf(input: Table & Expression & { item: Item; condition: string }): Promise<boolean> {
  return conditionally(() => input.client.send(new PutCommand({ TableName: input.tableName, Item: input.item, ...conditionOf(input) })));
}

/** PutItem only where no item has its key (`attribute_not_exists(#pk)`): false when one has. */
export function putIfAbsent(input: Table & { item: Item }): Promise<boolean> {
  return putIf({ ...input, condition: 'attribute_not_exists(#pk)' });
}

/** Which attributes an UpdateItem answers with. */
export type Returning = 'UPDATED_NEW' | 'ALL_NEW';

type UpdateInput = Table & Expression & { key: Key; update: string };

function updateCommand(input: UpdateInput & { condition?: string; returning?: Returning }) {
  return new UpdateCommand({
    TableName: input.tableName,
    Key: input.key,
    UpdateExpression: input.update,
    ConditionExpression: input.condition,
    ExpressionAttributeNames: namesFor([input.update, input.condition], input.names),
    ExpressionAttributeValues: valuesOf(input.values),
    ReturnValues: input.returning,
  });
}

/** UpdateItem without a condition (creating the item if absent); the `returning` attributes, `{}` without. */
export async function updateItem(input: UpdateInput & { returning?: Returning }): Promise<Item> {
  return (await input.client.send(updateCommand(input))).Attributes ?? {};
}

/**
 * UpdateItem under `condition`: false when it fails. With `returning`, the attributes it answered
 * (`{}` if none), or null when the condition failed.
 */
export function updateIf(input: UpdateInput & { condition: string; returning?: undefined }): Promise<boolean>;
export function updateIf(input: UpdateInput & { condition: string; returning: Returning }): Promise<Item | null>;
export async function updateIf(input: UpdateInput & { condition: string; returning?: Returning }): Promise<boolean | Item | null> {
  try {
    const result = await input.client.send(updateCommand(input));
    return input.returning ? (result.Attributes ?? {}) : true;
  } catch (error) {
    if (isConditionFailed(error)) return input.returning ? null : false;
    throw error;
  }
}

/** DeleteItem. Deleting a missing item is not an error. */
export async function deleteItem(input: Table & { key: Key }): Promise<void> {
  await input.client.send(new DeleteCommand({ TableName: input.tableName, Key: input.key }));
}

/** DeleteItem under `condition`: false, and nothing deleted, when it fails. */
export function deleteIf(input: Table & Expression & { key: Key; condition: string }): Promise<boolean> {
  return conditionally(() => input.client.send(new DeleteCommand({ TableName: input.tableName, Key: input.key, ...conditionOf(input) })));
}

/** How `queryPrefix` and `queryRange` read, besides the key condition. */
export interface QueryOptions extends Expression {
  /** Query `gsi1` (its partition and sort key) instead of the table: never consistent. */
  index?: typeof gsi1IndexName;
  /** Consistent by default on the table; an index cannot be read consistently. */
  consistent?: boolean;
  /** Highest sort key first. */
  descending?: boolean;
  /** At most this many items: pages are read until there are (or none is left). */
  limit?: number;
  /** A FilterExpression over the other attributes (its values in `values`). */
  filter?: string;
  projection?: string;
}

/** The items of partition `pk` whose sort key begins with `prefix` (every one without), all pages, in sort-key order. */
export function queryPrefix(input: Table & QueryOptions & { pk: string; prefix?: string }): Promise<Item[]> {
  const { pk, sk } = indexKeys(input.index);
  const range = input.prefix === undefined ? '' : ` AND begins_with(${sk}, :prefix)`;
  return queryWith({ ...input, condition: `${pk} = :pk${range}`, keyValues: { ':pk': input.pk, ...(input.prefix === undefined ? {} : { ':prefix': input.prefix }) } });
}

/** The items of partition `pk` whose sort key is in [`from`, `through`] (at most `through` without `from`), all pages, in sort-key order. */
export function queryRange(input: Table & QueryOptions & { pk: string; from?: string; through: string }): Promise<Item[]> {
  const { pk, sk } = indexKeys(input.index);
  const range = input.from === undefined ? `${sk} <= :through` : `${sk} BETWEEN :from AND :through`;
  return queryWith({ ...input, condition: `${pk} = :pk AND ${range}`, keyValues: { ':pk': input.pk, ...(input.from === undefined ? {} : { ':from': input.from }), ':through': input.through } });
}

const indexNames = { '#gpk': tableDefinition.indexes.gsi1.partitionKey, '#gsk': tableDefinition.indexes.gsi1.sortKey };
const indexKeys = (index: QueryOptions['index']) => (index ? { pk: '#gpk', sk: '#gsk' } : { pk: '#pk', sk: '#sk' });

function queryWith(input: Table & QueryOptions & { condition: string; keyValues: Record<string, unknown> }): Promise<Item[]> {
  const { condition } = input;
  const names = input.index ? Object.fromEntries(Object.entries(indexNames).filter(([name]) => condition.includes(name))) : undefined;
  return readPages({
    client: input.client,
    limit: input.limit,
    query: {
      TableName: input.tableName,
      IndexName: input.index,
      KeyConditionExpression: condition,
      FilterExpression: input.filter,
      ProjectionExpression: input.projection,
      ExpressionAttributeNames: namesFor([condition, input.filter, input.projection], { ...names, ...input.names }),
      ExpressionAttributeValues: { ...input.keyValues, ...input.values },
      ScanIndexForward: input.descending ? false : undefined,
      ConsistentRead: input.index ? undefined : (input.consistent ?? true),
    },
  });
}

/** Every item a query matches, following `LastEvaluatedKey` to the end. */
export function queryAll(input: { client: DynamoDBDocumentClient; query: QueryCommandInput }): Promise<Item[]> {
  return readPages(input);
}

/** The query's pages until there are none left or `limit` items were read (each page asks for what is missing). */
async function readPages(input: { client: DynamoDBDocumentClient; query: QueryCommandInput; limit?: number }): Promise<Item[]> {
  const { limit } = input;
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await input.client.send(new QueryCommand({ ...input.query, Limit: limit === undefined ? input.query.Limit : limit - items.length, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && (limit === undefined || items.length < limit));
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

export { bin, num, str } from './fields.ts';
