/**
 * A fresh in-memory dynalite with the table created, for one test: closed automatically when the
 * test finishes (call it inside a test, not at module level).
 */
import { createDynamoClient, ensureTable, startEmbeddedDynamo } from '@concord/data';
import { PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { onTestFinished } from 'vitest';

export interface TestDynamo {
  endpoint: string;
  client: ReturnType<typeof createDynamoClient>;
  tableName: string;
}

let tables = 0;

/**
 * `jitterMs` delays every request after the table exists by a random 0…jitterMs ms, so that
 * concurrent store calls interleave at every step, not only where the network happens to stall.
 */
export async function startDynalite(input: { tableName?: string; jitterMs?: number; thread?: boolean } = {}): Promise<TestDynamo> {
  // `thread`: as the local host runs it — dynalite and the SDK client on a worker (worker-client.ts).
  const dynamo = await startEmbeddedDynamo({ path: null, port: 0, thread: input.thread ?? false });
  onTestFinished(() => dynamo.close());
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  onTestFinished(() => client.destroy());
  tables += 1;
  const tableName = input.tableName ?? `concord-test-${tables}`;
  await ensureTable({ client, tableName });
  if (input.jitterMs) addJitter({ client, jitterMs: input.jitterMs });
  return { endpoint: dynamo.endpoint, client, tableName };
}

function addJitter(input: { client: TestDynamo['client']; jitterMs: number }) {
  input.client.middlewareStack.add(
    (next) => async (args) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * input.jitterMs));
      return next(args);
    },
    { step: 'initialize', name: 'testJitter' },
  );
}

/**
 * Writes an item exactly as given, past every store: items in an older layout, or tampering.
 * Values are plain JSON-like data (strings, finite numbers, booleans, null, arrays, objects).
 */
export async function putRawItem(input: { dynamo: TestDynamo; item: Record<string, unknown> }): Promise<void> {
  const Item = Object.fromEntries(Object.entries(input.item).map(([name, value]) => [name, toAttribute(value)]));
  await input.dynamo.client.send(new PutItemCommand({ TableName: input.dynamo.tableName, Item }));
}

function toAttribute(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' && Number.isFinite(value)) return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttribute) };
  if (typeof value === 'object') return { M: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAttribute(v)])) };
  throw new TypeError(`cannot store ${String(value)}`);
}
