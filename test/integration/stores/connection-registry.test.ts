import type { Principal } from '@concord/core';
import type { ConnectionRecord } from '@concord/sync';
import { principalFor } from '@concord/sync/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';
import { storeFactories } from '../../support/stores.ts';
import { countRequests, createConnectionRegistry } from '@concord/data';
import { putAll, queryAll } from '@concord/data/requests';

const principal: Principal = principalFor('Ada', { userId: 'usr_ada', organisationId: 'org_one', organisationName: 'Organisation One', coalitionId: 'coal_1', tier: 'advisory', roles: ['secretariat'] });

const record = (connectionId: string, overrides: Partial<ConnectionRecord> = {}): ConnectionRecord => ({
  connectionId,
  docId: 'stmt_1',
  principal,
  access: 'write',
  connectedAt: 1_000,
  expiresAt: 10_000,
  awareness: null,
  ...overrides,
});

const entry = (clientId: number, clock: number, state: string | null = '{"cursor":1}') => ({ clientId, clock, state });

describe.each(storeFactories)('[DC5] ConnectionRegistry ($name)', (factory) => {
  it('returns a connection as it was added, and null for one it never saw', async () => {
    const connections = await factory.connections();
    const added = record('conn=A', { awareness: entry(7, 1) });
    await connections.add(added);
    expect(await connections.get({ connectionId: 'conn=A', now: 2_000 })).toStrictEqual(added);
    expect(await connections.get({ connectionId: 'conn=B', now: 2_000 })).toBeNull();
  });

  it('returns the session a connection was made with, and null or no session as added', async () => {
    const connections = await factory.connections();
    const withSession = record('s1', { sessionId: 'sess_1' });
    const withNull = record('s2', { sessionId: null });
    await Promise.all([withSession, withNull].map((r) => connections.add(r)));
    expect(await connections.get({ connectionId: 's1', now: 2_000 })).toStrictEqual(withSession);
    expect(await connections.get({ connectionId: 's2', now: 2_000 })).toStrictEqual(withNull);
    expect((await connections.listForDocument({ docId: 'stmt_1', now: 2_000 })).find((r) => r.connectionId === 's1')?.sessionId).toBe('sess_1');
  });

  it('lists the live connections of one document only', async () => {
    const connections = await factory.connections();
    await connections.add(record('a'));
    await connections.add(record('b', { access: 'read' }));
    await connections.add(record('c', { docId: 'stmt_2' }));
    const listed = await connections.listForDocument({ docId: 'stmt_1', now: 2_000 });
    expect(listed.map((r) => r.connectionId).sort()).toEqual(['a', 'b']);
    expect(listed.find((r) => r.connectionId === 'b')).toStrictEqual(record('b', { access: 'read' }));
  });

  it('filters expired connections from get and list', async () => {
    const connections = await factory.connections();
    await connections.add(record('old', { expiresAt: 5_000 }));
    await connections.add(record('new', { expiresAt: 50_000 }));
    expect(await connections.get({ connectionId: 'old', now: 4_999 })).not.toBeNull();
    expect(await connections.get({ connectionId: 'old', now: 5_000 })).toBeNull();
    expect((await connections.listForDocument({ docId: 'stmt_1', now: 5_000 })).map((r) => r.connectionId)).toEqual(['new']);
  });

  it('removes a connection once, returning the record it had', async () => {
    const connections = await factory.connections();
    await connections.add(record('gone'));
    await connections.setAwareness({ connectionId: 'gone', docId: 'stmt_1', entry: entry(3, 1) });
    expect(await connections.remove({ connectionId: 'gone' })).toStrictEqual(record('gone', { awareness: entry(3, 1) }));
    expect(await connections.remove({ connectionId: 'gone' })).toBeNull();
    expect(await connections.get({ connectionId: 'gone', now: 2_000 })).toBeNull();
    expect(await connections.listForDocument({ docId: 'stmt_1', now: 2_000 })).toEqual([]);
  });

  it('hands the record to exactly one of two concurrent removes', async () => {
    const connections = await factory.connections();
    await connections.add(record('twice'));
    const results = await Promise.all([connections.remove({ connectionId: 'twice' }), connections.remove({ connectionId: 'twice' })]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('binds the first awareness client id and refuses another one, storing nothing', async () => {
    const connections = await factory.connections();
    await connections.add(record('aw'));
    expect(await connections.setAwareness({ connectionId: 'aw', docId: 'stmt_1', entry: entry(42, 1) })).toBe('ok');
    expect(await connections.setAwareness({ connectionId: 'aw', docId: 'stmt_1', entry: entry(42, 2, '{"cursor":2}') })).toBe('ok');
    expect(await connections.setAwareness({ connectionId: 'aw', docId: 'stmt_1', entry: entry(43, 3) })).toBe('conflict');
    expect((await connections.get({ connectionId: 'aw', now: 2_000 }))?.awareness).toEqual(entry(42, 2, '{"cursor":2}'));
  });

  it('refuses awareness for a connection it does not have, or on another document', async () => {
    const connections = await factory.connections();
    await connections.add(record('here'));
    expect(await connections.setAwareness({ connectionId: 'nowhere', docId: 'stmt_1', entry: entry(1, 1) })).toBe('conflict');
    expect(await connections.setAwareness({ connectionId: 'here', docId: 'stmt_2', entry: entry(1, 1) })).toBe('conflict');
    expect((await connections.get({ connectionId: 'here', now: 2_000 }))?.awareness).toBeNull();
    expect(await connections.listForDocument({ docId: 'stmt_2', now: 2_000 })).toEqual([]);
  });

  it('refuses an older awareness entry as stale, but takes a removal at the same clock', async () => {
    const connections = await factory.connections();
    await connections.add(record('clock'));
    expect(await connections.setAwareness({ connectionId: 'clock', docId: 'stmt_1', entry: entry(5, 4) })).toBe('ok');
    expect(await connections.setAwareness({ connectionId: 'clock', docId: 'stmt_1', entry: entry(5, 3) })).toBe('stale');
    expect(await connections.setAwareness({ connectionId: 'clock', docId: 'stmt_1', entry: entry(5, 4, '{"cursor":9}') })).toBe('stale');
    expect((await connections.get({ connectionId: 'clock', now: 2_000 }))?.awareness).toEqual(entry(5, 4));
    expect(await connections.setAwareness({ connectionId: 'clock', docId: 'stmt_1', entry: entry(5, 4, null) })).toBe('ok');
    expect((await connections.get({ connectionId: 'clock', now: 2_000 }))?.awareness).toEqual(entry(5, 4, null));
  });
});

describe('ConnectionRegistry on DynamoDB', () => {
  it('registers a connection in one request: its record and its pointer in one batch', async () => {
    const { client, tableName } = await startDynalite();
    const connections = createConnectionRegistry({ client, tableName });
    const counts = countRequests(client);
    await connections.add(record('one-trip'));
    expect(counts.byCommand).toEqual({ BatchWriteItemCommand: 1 });
    expect(await connections.get({ connectionId: 'one-trip', now: 2_000 })).toStrictEqual(record('one-trip'));
  });

  it('forgets a connection whose document the caller names without reading its pointer', async () => {
    const { client, tableName } = await startDynalite();
    const connections = createConnectionRegistry({ client, tableName });
    await connections.add(record('named'));
    await connections.add(record('unnamed'));
    const counts = countRequests(client);
    expect(await connections.remove({ connectionId: 'named', docId: 'stmt_1' })).toStrictEqual(record('named'));
    expect(counts.byCommand).toEqual({ DeleteItemCommand: 2 });
    counts.reset();
    expect(await connections.remove({ connectionId: 'unnamed' })).toStrictEqual(record('unnamed'));
    expect(counts.byCommand).toEqual({ GetItemCommand: 1, DeleteItemCommand: 2 });
    // Both items of each are gone: a second remove finds nothing, and the room is empty.
    expect(await connections.remove({ connectionId: 'named' })).toBeNull();
    expect(await connections.listForDocument({ docId: 'stmt_1', now: 2_000 })).toEqual([]);
  });

  it('leaves no record in the room when the batch wrote it but failed for the pointer', async () => {
    const { client, tableName } = await startDynalite();
    // The first batch reaches the store with only the record, then the answer is lost.
    let failed = false;
    const failing = {
      async send(command: { input: unknown; constructor: { name: string } }) {
        if (failed || command.constructor.name !== 'BatchWriteCommand') return client.send(command as never);
        failed = true;
        const writes = (command.input as { RequestItems: Record<string, { PutRequest?: { Item: Record<string, unknown> } }[]> }).RequestItems[tableName]!;
        await putAll({ client, tableName, items: writes.flatMap((w) => (w.PutRequest && w.PutRequest.Item.sk !== 'CONN' ? [w.PutRequest.Item] : [])) });
        throw new Error('connection reset');
      },
    } as unknown as typeof client;
    await expect(createConnectionRegistry({ client: failing, tableName }).add(record('half'))).rejects.toThrow('connection reset');
    expect(await createConnectionRegistry({ client, tableName }).listForDocument({ docId: 'stmt_1', now: 2_000 })).toEqual([]);
  });

  it('keeps the record in the document partition and sets the TTL in seconds on both items', async () => {
    const { client, tableName } = await startDynalite();
    await createConnectionRegistry({ client, tableName }).add(record('ttl', { expiresAt: 7_500 }));
    const items = await queryAll({
      client,
      query: { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'DOC#stmt_1' } },
    });
    expect(items.map((item) => [item.sk, item.expiresAt])).toEqual([['CONN#ttl', 8]]);
    const pointer = await queryAll({
      client,
      query: { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'CONN#ttl' } },
    });
    expect(pointer.map((item) => [item.sk, item.docId, item.expiresAt])).toEqual([['CONN', 'stmt_1', 8]]);
  });
});
