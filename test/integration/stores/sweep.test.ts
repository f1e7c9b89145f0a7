import { createConnectionRegistry, createTickets, sweepExpired } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';
import { testPrincipal } from '../../support/clients.ts';

describe('sweepExpired', () => {
  it('deletes expired tickets and connections and keeps live ones', async () => {
    const { client, tableName } = await startDynalite();
    const now = Date.UTC(2026, 10, 23, 12);
    const tickets = createTickets({ client, tableName });
    const connections = createConnectionRegistry({ client, tableName });
    const principal = testPrincipal('sweeper');
    const stale = await tickets.issue({ principal, docId: 'stmt_1', access: 'read', now: now - 120_000, ttlMs: 60_000 });
    const fresh = await tickets.issue({ principal, docId: 'stmt_1', access: 'read', now, ttlMs: 60_000 });
    const record = { docId: 'stmt_1', principal, access: 'write' as const, connectedAt: now, awareness: null };
    await connections.add({ ...record, connectionId: 'gone', expiresAt: now - 1_000 });
    await connections.add({ ...record, connectionId: 'live', expiresAt: now + 60_000 });

    const swept = await sweepExpired({ client, tableName, now });

    expect(swept).toBeGreaterThanOrEqual(3); // the stale ticket, the dead connection and its pointer
    expect(await tickets.redeem({ ticket: stale, docId: 'stmt_1', now: now - 90_000 })).toBeNull();
    expect(await tickets.redeem({ ticket: fresh, docId: 'stmt_1', now })).not.toBeNull();
    expect((await connections.listForDocument({ docId: 'stmt_1', now: now - 10_000 })).map((c) => c.connectionId)).toEqual(['live']);
  });
});
