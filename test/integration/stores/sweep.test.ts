import type { Principal } from '@concord/core';
import {
  createConnectionRegistry,
  createInvitations,
  createPasswordResets,
  createRateLimiter,
  createSessions,
  createTickets,
  sweepExpired,
} from '@concord/data';
import { principalFor } from '@concord/sync/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { startDynalite } from '../../support/dynalite.ts';

const principal: Principal = principalFor('Sweeper', { userId: 'usr_sweeper', organisationId: 'org_1', organisationName: 'Organisation One', coalitionId: 'coal_1' });

describe('sweepExpired', () => {
  it('deletes expired tickets and connections and keeps live ones', async () => {
    const { client, tableName } = await startDynalite();
    const now = Date.UTC(2026, 10, 23, 12);
    const tickets = createTickets({ client, tableName });
    const connections = createConnectionRegistry({ client, tableName });
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

  it('deletes expired sessions, invitations, resets and rate counters, and keeps live ones', async () => {
    const dynamo = await startDynalite();
    const now = Date.UTC(2026, 10, 23, 12);
    const sessions = createSessions({ ...dynamo, now: () => now - 60 * 60_000 });
    const invitations = createInvitations(dynamo);
    const resets = createPasswordResets(dynamo);
    const limiter = createRateLimiter(dynamo);
    const session = { userId: 'usr_1', createdAt: now - 1, lastUsedAt: now - 1, twoFactorVerified: true, privilegeVersion: 0, device: 'd' };
    await sessions.create({ ...session, id: 'dead', expiresAt: now - 1_000 });
    await sessions.create({ ...session, id: 'live', expiresAt: now + 60_000 });
    const invitation = { email: 'b@example.org', name: 'B', coalitionId: 'coal_1', organisationId: 'org_1', roles: [], invitedBy: 'usr_1', createdAt: now - 1 };
    await invitations.create({ ...invitation, id: 'dead', expiresAt: now - 1_000 });
    await invitations.create({ ...invitation, id: 'live', expiresAt: now + 60_000 });
    await resets.create({ id: 'dead', userId: 'usr_1', expiresAt: now - 1_000 });
    await resets.create({ id: 'live', userId: 'usr_1', expiresAt: now + 60_000 });
    const limit = { bucket: 'b', limit: 1, windowMs: 60_000 };
    await limiter.hit({ limit, key: 'k', now: now - 120_000 });
    await limiter.hit({ limit, key: 'k', now });

    expect(await sweepExpired({ ...dynamo, now })).toBe(4);

    expect((await sessions.listByUser('usr_1')).map((s) => s.id)).toEqual(['live']);
    expect(await sessions.get('dead')).toBeNull();
    expect(await invitations.consume({ id: 'dead', now: now - 60 * 60_000 })).toBeNull();
    expect(await invitations.consume({ id: 'live', now })).not.toBeNull();
    expect(await resets.consume({ id: 'dead', now: now - 60 * 60_000 })).toBeNull();
    expect(await resets.consume({ id: 'live', now })).not.toBeNull();
    expect((await limiter.hit({ limit, key: 'k', now })).allowed).toBe(false);
  });
});
