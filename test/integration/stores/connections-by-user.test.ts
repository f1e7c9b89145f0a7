import type { Principal } from '@concord/core';
import { createConnectionRegistry } from '@concord/data';
import type { ConnectionRecord } from '@concord/sync';
import { principalFor } from '@concord/sync/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { putRawItem, startDynalite } from '../../support/dynalite.ts';

/** One organisation's people, each named by their id. */
const principal = (userId: string): Principal => principalFor(userId, { userId, organisationId: 'org_1', organisationName: 'Organisation One', coalitionId: 'coal_1' });

const record = (connectionId: string, overrides: Partial<ConnectionRecord> = {}): ConnectionRecord => ({
  connectionId,
  docId: 'stmt_1',
  principal: principal('usr_ada'),
  access: 'write',
  sessionId: 'sess_1',
  connectedAt: 1_000,
  expiresAt: 10_000,
  awareness: null,
  ...overrides,
});

async function registry() {
  const dynamo = await startDynalite();
  return { dynamo, connections: createConnectionRegistry(dynamo) };
}

describe('ConnectionRegistry.listByUser', () => {
  it('lists a person’s live connections on every document, and no one else’s', async () => {
    const { connections } = await registry();
    const mine = [record('a'), record('b', { docId: 'stmt_2', sessionId: 'sess_2' }), record('c#odd', { docId: 'stmt#3' })];
    await Promise.all([...mine, record('other', { principal: principal('usr_bob') }), record('old', { expiresAt: 1_500 })].map((r) => connections.add(r)));
    const listed = await connections.listByUser({ userId: 'usr_ada', now: 2_000 });
    expect(listed.sort((x, y) => x.connectionId.localeCompare(y.connectionId))).toStrictEqual(mine);
    expect((await connections.listByUser({ userId: 'usr_bob', now: 2_000 })).map((r) => r.connectionId)).toEqual(['other']);
    expect(await connections.listByUser({ userId: 'usr_nobody', now: 2_000 })).toEqual([]);
  });

  it('forgets a removed connection', async () => {
    const { connections } = await registry();
    await connections.add(record('a'));
    await connections.add(record('b'));
    await connections.remove({ connectionId: 'a' });
    expect((await connections.listByUser({ userId: 'usr_ada', now: 2_000 })).map((r) => r.connectionId)).toEqual(['b']);
  });

  it('reads a record stored before roles and sessions, without them', async () => {
    const { dynamo, connections } = await registry();
    const { roles: _roles, ...legacyPrincipal } = principal('usr_old');
    await putRawItem({ dynamo, item: { pk: 'CONN#legacy', sk: 'CONN', docId: 'stmt_1', expiresAtMs: 10_000, expiresAt: 10 } });
    await putRawItem({
      dynamo,
      item: { pk: 'DOC#stmt_1', sk: 'CONN#legacy', connectionId: 'legacy', docId: 'stmt_1', principal: legacyPrincipal, access: 'read', connectedAt: 1_000, expiresAtMs: 10_000, expiresAt: 10 },
    });
    const read = await connections.get({ connectionId: 'legacy', now: 2_000 });
    expect(read).toStrictEqual({ connectionId: 'legacy', docId: 'stmt_1', principal: { ...legacyPrincipal, roles: [] }, access: 'read', connectedAt: 1_000, expiresAt: 10_000, awareness: null });
    expect(read?.sessionId ?? null).toBeNull();
  });
});
