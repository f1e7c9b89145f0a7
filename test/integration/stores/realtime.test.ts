import type { Principal } from '@concord/core';
import { createChunkStore, createConnectionRegistry, createDocumentStore, createRealtime } from '@concord/data';
import { createSyncHandlers } from '@concord/sync';
import { createRecordingGateway, principalFor } from '@concord/sync/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

/** One organisation's people, each named by their id. */
const principal = (userId: string): Principal => principalFor(userId, { userId, organisationId: 'org_1', organisationName: 'Organisation One', coalitionId: 'coal_1' });

/** Real sync handlers on dynalite with a recording gateway, and these connections open. */
async function startRealtime() {
  const dynamo = await startDynalite();
  const connections = createConnectionRegistry(dynamo);
  const gateway = createRecordingGateway();
  const sync = createSyncHandlers({ documents: createDocumentStore(dynamo), connections, chunks: createChunkStore(dynamo), gateway });
  const open = [
    { connectionId: 'ada-1', docId: 'stmt_1', principal: principal('usr_ada'), access: 'write' as const, sessionId: 'sess_a1' },
    { connectionId: 'ada-2', docId: 'stmt_2', principal: principal('usr_ada'), access: 'read' as const, sessionId: 'sess_a2' },
    { connectionId: 'ada-3', docId: 'stmt_1', principal: principal('usr_ada'), access: 'write' as const, sessionId: 'sess_a1' },
    { connectionId: 'bob-1', docId: 'stmt_1', principal: principal('usr_bob'), access: 'write' as const, sessionId: 'sess_b1' },
    { connectionId: 'bob-2', docId: 'stmt_2', principal: principal('usr_bob'), access: 'write' as const },
  ];
  for (const connection of open) await sync.connect(connection);
  const realtime = createRealtime({ ...dynamo, sync, connections });
  const live = async () => {
    const records = await Promise.all(open.map((c) => connections.get({ connectionId: c.connectionId, now: Date.now() })));
    return records.flatMap((r) => (r ? [r.connectionId] : []));
  };
  const closed = () => [...new Set(gateway.events.flatMap((e) => (e.kind === 'close' ? [e.connectionId] : [])))].sort();
  return { realtime, gateway, live, closed };
}

describe('[DC14] Realtime', () => {
  it('closes every connection of a person, and only theirs, with 4401 and the reason', async () => {
    const { realtime, gateway, live, closed } = await startRealtime();
    expect(await realtime.evictUser({ userId: 'usr_ada', reason: 'auth.removed' })).toBe(3);
    expect(closed()).toEqual(['ada-1', 'ada-2', 'ada-3']);
    expect(gateway.closesOf('ada-2')).toEqual([{ code: 4401, reason: 'auth.removed' }]);
    expect(gateway.framesTo('ada-2').some((frame) => frame.startsWith('e'))).toBe(true);
    expect(await live()).toEqual(['bob-1', 'bob-2']);
  });

  it('closes only the connections made with one session', async () => {
    const { realtime, live, closed } = await startRealtime();
    expect(await realtime.evictUser({ userId: 'usr_ada', sessionId: 'sess_a1', reason: 'auth.signed-out' })).toBe(2);
    expect(closed()).toEqual(['ada-1', 'ada-3']);
    expect(await live()).toEqual(['ada-2', 'bob-1', 'bob-2']);
  });

  it('closes every connection to a document, whoever holds it', async () => {
    const { realtime, live, closed } = await startRealtime();
    expect(await realtime.evictDocument({ docId: 'stmt_2', reason: 'statement.sharing-changed' })).toBe(2);
    expect(closed()).toEqual(['ada-2', 'bob-2']);
    expect(await live()).toEqual(['ada-1', 'ada-3', 'bob-1']);
  });

  it('closes nothing, and says so, when no connection matches', async () => {
    const { realtime, live, closed } = await startRealtime();
    expect(await realtime.evictUser({ userId: 'usr_nobody', reason: 'x' })).toBe(0);
    expect(await realtime.evictUser({ userId: 'usr_bob', sessionId: 'sess_none', reason: 'x' })).toBe(0);
    expect(await realtime.evictDocument({ docId: 'stmt_none', reason: 'x' })).toBe(0);
    expect(closed()).toEqual([]);
    expect(await live()).toHaveLength(5);
  });
});
