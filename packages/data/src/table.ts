/** Creating the table from `tableDefinition` where no infrastructure does it (dynalite, tests). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition, type TableDefinition } from './table-definition.ts';

/** The name of the listing index is its key in `tableDefinition.indexes`. */
export const gsi1IndexName = 'gsi1' satisfies keyof TableDefinition['indexes'];

const waitLimitMs = 60_000;

/**
 * Creates `tableName` (on-demand billing, the pk/sk key, `gsi1` with every attribute projected)
 * unless it exists, and resolves once it and its index are ACTIVE. Idempotent and safe to call
 * concurrently. TTL is not enabled here: dynalite has no TTL, and on AWS `infra/storage.ts`
 * declares it; readers filter expired items either way.
 */
export async function ensureTable(input: { client: DynamoDBDocumentClient; tableName: string }): Promise<void> {
  const { client, tableName } = input;
  if (isActive(await describe({ client, tableName }))) return;
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const deadline = Date.now() + waitLimitMs;
  for (let delay = 10; Date.now() < deadline; delay = Math.min(delay * 2, 1_000)) {
    if (isActive(await describe({ client, tableName }))) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new Error(`table ${tableName} did not become ACTIVE within ${waitLimitMs} ms`);
}

async function describe(input: { client: DynamoDBDocumentClient; tableName: string }): Promise<TableDescription | null> {
  try {
    const result = await input.client.send(new DescribeTableCommand({ TableName: input.tableName }));
    return result.Table ?? null;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return null;
    throw error;
  }
}

function isActive(table: TableDescription | null): boolean {
  if (!table || table.TableStatus !== 'ACTIVE') return false;
  return (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
}

function createTableInput(tableName: string) {
  const { partitionKey, sortKey, indexes } = tableDefinition;
  const gsi1 = indexes.gsi1;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [partitionKey, sortKey, gsi1.partitionKey, gsi1.sortKey].map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: gsi1IndexName,
        KeySchema: [
          { AttributeName: gsi1.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: gsi1.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      },
    ],
  };
}
