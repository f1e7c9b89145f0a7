/**
 * A fresh in-memory dynalite with the table created, for one test: closed automatically when the
 * test finishes (call it inside a test, not at module level).
 */
import { createDynamoClient, ensureTable, startEmbeddedDynamo } from '@concord/data';
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
export async function startDynalite(input: { tableName?: string; jitterMs?: number } = {}): Promise<TestDynamo> {
  const dynamo = await startEmbeddedDynamo({ path: null, port: 0 });
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
