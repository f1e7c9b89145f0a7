/**
 * The embedded store on a worker thread answers this process's clients over the thread's message
 * port (embedded-transport.ts) and everyone else over TCP: the same table, the same answers and
 * the same errors either way. By default this process's clients do not even run the SDK: its
 * commands go to the SDK client on the worker (worker-client.ts); `sdkOnWorker: false` keeps the
 * SDK here and only the HTTP exchange on the port.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  UpdateItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { countRequests, createDynamoClient, ensureTable, startEmbeddedDynamo, storeKeyOf } from '@concord/data';
import { portHandlerFor } from '@concord/data/embedded-transport';
import { describe, expect, it, onTestFinished, vi } from 'vitest';

const TableName = 'concord';

async function onWorker(options: { sdkOnWorker?: boolean } = {}) {
  const dynamo = await startEmbeddedDynamo({ path: null, thread: true });
  onTestFinished(() => dynamo.close());
  const client = createDynamoClient({ endpoint: dynamo.endpoint, ...options });
  onTestFinished(() => client.destroy());
  await ensureTable({ client, tableName: TableName });
  return { dynamo, client };
}

describe('the embedded store over its worker’s message port', () => {
  it('is what this process’s SDK clients use, and answers as the TCP port does', async () => {
    const { dynamo, client } = await onWorker({ sdkOnWorker: false });
    const handler = portHandlerFor(dynamo.endpoint);
    expect(handler).toBeDefined();
    expect(client.config.requestHandler).toBe(handler);
    // Not signed for real (dynalite only checks the header's shape): no HMACs per request.
    const signatures: string[] = [];
    const handle = handler!.handle.bind(handler);
    handler!.handle = (request) => (signatures.push(request.headers.authorization ?? ''), handle(request));
    onTestFinished(() => void (handler!.handle = handle));

    // Unicode, and an item near DynamoDB's 400 KB limit, survive the trip.
    const big = 'ü'.repeat(150_000);
    await client.send(new PutItemCommand({ TableName, Item: { pk: { S: 'DOC#a' }, sk: { S: 'U#1' }, text: { S: 'Déclaration 宣言' }, big: { S: big } } }));
    await client.send(new PutItemCommand({ TableName, Item: { pk: { S: 'DOC#a' }, sk: { S: 'U#2' }, text: { S: 'two' } } }));

    // A second client that must go over TCP (no port handler for this spelling of the address).
    const overTcp = createDynamoClient({ endpoint: dynamo.endpoint.replace('127.0.0.1', 'localhost') });
    onTestFinished(() => overTcp.destroy());
    expect(overTcp.config.requestHandler).not.toBe(handler);

    expect(signatures).toHaveLength(2);
    expect(signatures.every((s) => s.endsWith('Signature=unsigned'))).toBe(true);
    for (const one of [client, overTcp]) {
      const got = await one.send(new GetItemCommand({ TableName, Key: { pk: { S: 'DOC#a' }, sk: { S: 'U#1' } }, ConsistentRead: true }));
      expect(got.Item?.text).toEqual({ S: 'Déclaration 宣言' });
      expect(got.Item?.big).toEqual({ S: big });
      const listed = await one.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'DOC#a' } }, ProjectionExpression: 'sk' }));
      expect(listed.Items).toEqual([{ sk: { S: 'U#1' } }, { sk: { S: 'U#2' } }]);
    }
  });

  it.each([{ sdkOnWorker: true }, { sdkOnWorker: false }])('gives the SDK’s own errors: a failed condition, and a request DynamoDB refuses (SDK on the worker: $sdkOnWorker)', async (options) => {
    const { client } = await onWorker(options);
    const Item = { pk: { S: 'DOC#b' }, sk: { S: 'HEAD' } };
    await client.send(new PutItemCommand({ TableName, Item }));
    const failed = await client.send(new PutItemCommand({ TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' })).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ConditionalCheckFailedException);
    expect((failed as ConditionalCheckFailedException).$metadata.httpStatusCode).toBe(400);
    const missing = await client.send(new GetItemCommand({ TableName: 'no-such-table', Key: { pk: { S: 'x' }, sk: { S: 'y' } } })).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(String(missing)).toMatch(/non-existent table|not found/i);
  });

  it.each([{ sdkOnWorker: true }, { sdkOnWorker: false }])('fails a request after the store closed instead of leaving it waiting (SDK on the worker: $sdkOnWorker)', async (options) => {
    const { dynamo, client } = await onWorker(options);
    await dynamo.close();
    await expect(client.send(new GetItemCommand({ TableName, Key: { pk: { S: 'x' }, sk: { S: 'y' } } }))).rejects.toThrow(/worker stopped/);
  });

  it('runs this process’s commands on the worker’s SDK client: the SDK does not run here, the answers are the same', async () => {
    const { dynamo, client } = await onWorker();
    const local = vi.spyOn(DynamoDBClient.prototype, 'send');
    onTestFinished(() => local.mockRestore());
    const counts = countRequests(client);
    // Values of every kind the stores write (bytes, string sets, maps, Unicode, a near-limit item)
    // survive the trip; the stores' own document-client commands run over it in the contract
    // suites (test/support/stores.ts, 'dynalite on a worker').
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
    const Item = { pk: { S: 'DOC#c' }, sk: { S: 'U#1' }, bytes: { B: bytes }, authors: { SS: ['usr_a', 'usr_b'] }, meta: { M: { text: { S: 'Déclaration 宣言' }, n: { N: '3' } } } };
    await client.send(new PutItemCommand({ TableName, Item }));
    await client.send(new UpdateItemCommand({ TableName, Key: { pk: { S: 'DOC#c' }, sk: { S: 'HEAD' } }, UpdateExpression: 'ADD tailCount :one', ExpressionAttributeValues: { ':one': { N: '1' } } }));
    const got = await client.send(new GetItemCommand({ TableName, Key: { pk: { S: 'DOC#c' }, sk: { S: 'U#1' } }, ConsistentRead: true }));
    const listed = await client.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'DOC#c' } }, ProjectionExpression: 'sk' }));
    expect(local).not.toHaveBeenCalled();

    expect(got.Item).toEqual(Item);
    expect(listed.Items).toEqual([{ sk: { S: 'HEAD' } }, { sk: { S: 'U#1' } }]);
    // Middleware added here sees each command under the SDK's own name, as on an SDK client.
    expect(counts.byCommand).toEqual({ PutItemCommand: 1, UpdateItemCommand: 1, GetItemCommand: 1, QueryCommand: 1 });
    // The same store key as an SDK client of that endpoint: the freeze fences are found by it.
    const sdkClient = createDynamoClient({ endpoint: dynamo.endpoint, sdkOnWorker: false });
    onTestFinished(() => sdkClient.destroy());
    expect(await storeKeyOf(client, TableName)).toBe(await storeKeyOf(sdkClient, TableName));
    const viaSdk = await sdkClient.send(new GetItemCommand({ TableName, Key: { pk: { S: 'DOC#c' }, sk: { S: 'U#1' } }, ConsistentRead: true }));
    expect(viaSdk.Item).toEqual(got.Item);
  });

  // The worker keeps each table's description rather than read it from LevelDB per request.
  it('sees a table changed, deleted and made again with another key at once, on either port', async () => {
    const { dynamo, client } = await onWorker();
    const overTcp = createDynamoClient({ endpoint: dynamo.endpoint.replace('127.0.0.1', 'localhost') });
    onTestFinished(() => overTcp.destroy());
    const table = (key: string) => ({
      TableName: 'other',
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' as const }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' as const }],
      BillingMode: 'PAY_PER_REQUEST' as const,
    });
    // As in DynamoDB, a table is in use only once ACTIVE (dynalite makes it so on its next tick).
    const status = () => client.send(new DescribeTableCommand({ TableName: 'other' })).then((d) => d.Table?.TableStatus, () => 'GONE');
    const settled = async (wanted: string) => {
      for (let i = 0; i < 100 && (await status()) !== wanted; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await client.send(new CreateTableCommand(table('a')));
    await settled('ACTIVE');
    await client.send(new PutItemCommand({ TableName: 'other', Item: { a: { S: '1' } } }));
    await overTcp.send(new UpdateTableCommand({ TableName: 'other', BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 } }));
    await settled('ACTIVE');
    const updated = await client.send(new DescribeTableCommand({ TableName: 'other' }));
    expect(updated.Table?.ProvisionedThroughput?.WriteCapacityUnits).toBe(4);

    await overTcp.send(new DeleteTableCommand({ TableName: 'other' }));
    await settled('GONE');
    await expect(client.send(new GetItemCommand({ TableName: 'other', Key: { a: { S: '1' } } }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await client.send(new CreateTableCommand(table('b')));
    await settled('ACTIVE');
    await client.send(new PutItemCommand({ TableName: 'other', Item: { b: { S: '2' } } }));
    await expect(overTcp.send(new PutItemCommand({ TableName: 'other', Item: { a: { S: '3' } } }))).rejects.toThrow(/key/i);
    const got = await overTcp.send(new GetItemCommand({ TableName: 'other', Key: { b: { S: '2' } }, ConsistentRead: true }));
    expect(got.Item).toEqual({ b: { S: '2' } });
    expect((await client.send(new DescribeTableCommand({ TableName: 'other' }))).Table?.KeySchema).toEqual([{ AttributeName: 'b', KeyType: 'HASH' }]);
  });
});
