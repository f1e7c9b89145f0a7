/**
 * The embedded store on a worker thread answers this process's clients over the thread's message
 * port (embedded-transport.ts) and everyone else over TCP: the same table, the same answers and
 * the same errors either way.
 */
import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, ensureTable, startEmbeddedDynamo } from '@concord/data';
import { portHandlerFor } from '@concord/data/embedded-transport';
import { describe, expect, it, onTestFinished } from 'vitest';

const TableName = 'concord';

async function onWorker() {
  const dynamo = await startEmbeddedDynamo({ path: null, thread: true });
  onTestFinished(() => dynamo.close());
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  onTestFinished(() => client.destroy());
  await ensureTable({ client, tableName: TableName });
  return { dynamo, client };
}

describe('the embedded store over its worker’s message port', () => {
  it('is what this process’s clients use, and answers as the TCP port does', async () => {
    const { dynamo, client } = await onWorker();
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

  it('gives the SDK’s own errors: a failed condition, and a request DynamoDB refuses', async () => {
    const { client } = await onWorker();
    const Item = { pk: { S: 'DOC#b' }, sk: { S: 'HEAD' } };
    await client.send(new PutItemCommand({ TableName, Item }));
    await expect(client.send(new PutItemCommand({ TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' }))).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    await expect(client.send(new GetItemCommand({ TableName: 'no-such-table', Key: { pk: { S: 'x' }, sk: { S: 'y' } } }))).rejects.toThrow(/non-existent table|not found/i);
  });

  it('fails a request after the store closed instead of leaving it waiting', async () => {
    const { dynamo, client } = await onWorker();
    await dynamo.close();
    await expect(client.send(new GetItemCommand({ TableName, Key: { pk: { S: 'x' }, sk: { S: 'y' } } }))).rejects.toThrow(/worker stopped/);
  });
});
