/**
 * Where the local host's connections live (PROTOCOL.md §9, "Two hosts"): with a store of its own,
 * in the gateway alone — the web app and the call timer, in the same process, read them there
 * and DynamoDB holds none; with a store another process may read, written through as well.
 */
import { createConnectionRegistry, createDynamoClient, createRealtime, liveConnectionsFor, publishLiveConnections, storeKeyOf } from '@concord/data';
import { queryAll } from '@concord/data/requests';
import { createMemoryConnectionRegistry } from '@concord/sync/memory';
import { describe, expect, it } from 'vitest';
import { connectEditor, testPrincipal } from '../support/clients.ts';
import { startDynalite } from '../support/dynalite.ts';
import { startTestHost } from '../support/test-host.ts';

const tableName = 'concord';

/** The connection items DynamoDB holds in a document's partition. */
async function storedConnections(input: { dynamoEndpoint: string; docId: string }): Promise<number> {
  const items = await queryAll({
    client: createDynamoClient({ endpoint: input.dynamoEndpoint }),
    query: {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :conn)',
      ExpressionAttributeValues: { ':pk': `DOC#${input.docId}`, ':conn': 'CONN#' },
      ConsistentRead: true,
    },
  });
  return items.length;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("the local host's connections", () => {
  it('live in the gateway when the store is its own: readers in the process find them there, DynamoDB holds none', async () => {
    const host = await startTestHost();
    const docId = 'stmt_live';
    const ada = testPrincipal('ada');
    const editor = connectEditor({ where: () => host, docId, principal: ada, access: 'write' });
    await editor.synced();

    // What the web app builds: a registry on the same store, and evictions through it.
    const store = { client: createDynamoClient({ endpoint: host.dynamoEndpoint }), tableName };
    const registry = createConnectionRegistry(store);
    const [record] = await registry.listForDocument({ docId, now: Date.now() });
    expect(record?.principal.userId).toBe(ada.userId);
    expect((await registry.listByUser({ userId: ada.userId, now: Date.now() })).map((r) => r.connectionId)).toEqual([record?.connectionId]);
    expect(await registry.get({ connectionId: record!.connectionId, now: Date.now() })).toMatchObject({ docId, access: 'write' });
    expect(await storedConnections({ dynamoEndpoint: host.dynamoEndpoint, docId })).toBe(0);

    const evicted: string[] = [];
    const realtime = createRealtime({ ...store, sync: { evict: async ({ connectionId }) => void evicted.push(connectionId) } });
    expect(await realtime.evictUser({ userId: ada.userId, reason: 'auth.signed-out' })).toBe(1);
    expect(await realtime.evictDocument({ docId, reason: 'access.sharing-changed' })).toBe(1);
    expect(evicted).toEqual([record!.connectionId, record!.connectionId]);

    // Only the gateway adds and forgets: its socket closing is what removes a connection.
    await expect(registry.add({ ...record!, connectionId: 'forged' })).rejects.toThrow(/gateway/);
    expect(await registry.remove({ connectionId: record!.connectionId })).toBeNull();
    expect(await registry.listForDocument({ docId, now: Date.now() })).toHaveLength(1);
    editor.destroy();
    await until(async () => (await registry.listForDocument({ docId, now: Date.now() })).length === 0);
    expect(await registry.listForDocument({ docId, now: Date.now() })).toEqual([]);
  });

  it('are written through to DynamoDB when another process may read the store', async () => {
    const host = await startTestHost({ storeOwned: false });
    const docId = 'stmt_shared';
    const editor = connectEditor({ where: () => host, docId, principal: testPrincipal('bo'), access: 'write' });
    await editor.synced();
    expect(await storedConnections({ dynamoEndpoint: host.dynamoEndpoint, docId })).toBe(1);
    editor.destroy();
    await until(async () => (await storedConnections({ dynamoEndpoint: host.dynamoEndpoint, docId })) === 0);
    expect(await storedConnections({ dynamoEndpoint: host.dynamoEndpoint, docId })).toBe(0);
  });

  it('are read from DynamoDB again once the host stops publishing them', async () => {
    const dynamo = await startDynalite();
    const storeKey = await storeKeyOf(dynamo.client, dynamo.tableName);
    const gateway = createMemoryConnectionRegistry();
    const record = {
      connectionId: 'c1',
      docId: 'stmt_1',
      principal: testPrincipal('cy'),
      access: 'read' as const,
      connectedAt: Date.now(),
      expiresAt: Date.now() + 60_000,
      awareness: null,
    };
    await gateway.add(record);
    const registry = createConnectionRegistry(dynamo);
    const unpublish = publishLiveConnections(storeKey!, gateway);
    expect(() => publishLiveConnections(storeKey!, gateway)).toThrow(/already/);
    expect(await registry.listForDocument({ docId: 'stmt_1', now: Date.now() })).toHaveLength(1);
    unpublish();
    expect(liveConnectionsFor(storeKey)).toBeUndefined();
    expect(await registry.listForDocument({ docId: 'stmt_1', now: Date.now() })).toEqual([]);
    await registry.add(record);
    expect((await registry.listByUser({ userId: record.principal.userId, now: Date.now() })).map((r) => r.connectionId)).toEqual(['c1']);
  });
});
