import type { Principal } from '@concord/core';
import { countRequests, createTickets } from '@concord/data';
import { describe, expect, it } from 'vitest';
import { queryAll } from '@concord/data/requests';
import { decodeTicket, encodeTicket, ticketHash } from '@concord/data/ticket-code';
import { putRawItem, startDynalite } from '../../support/dynalite.ts';

const principal: Principal = {
  userId: 'usr_1',
  userName: 'Grace',
  organisationId: 'org_1',
  organisationName: 'Republic of Somewhere',
  coalitionId: 'coal_1',
  tier: 'member',
  isChair: true,
  roles: ['secretariat'],
};

async function startTickets() {
  const dynamo = await startDynalite();
  return { ...dynamo, tickets: createTickets(dynamo) };
}

describe('[DC8] Tickets', () => {
  it('redeems a ticket once, for the principal, session and access it was issued with', async () => {
    const { tickets } = await startTickets();
    const ticket = await tickets.issue({ principal, sessionId: 'sess_1', docId: 'stmt_1', access: 'read', now: 1_000 });
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await tickets.redeem({ ticket, docId: 'stmt_1', now: 2_000 })).toStrictEqual({ principal, access: 'read', sessionId: 'sess_1' });
    expect(await tickets.redeem({ ticket, docId: 'stmt_1', now: 2_000 })).toBeNull();
  });

  it('redeems a ticket issued without a session with a null session', async () => {
    const { tickets } = await startTickets();
    const ticket = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000 });
    expect(await tickets.redeem({ ticket, docId: 'stmt_1', now: 2_000 })).toStrictEqual({ principal, access: 'write', sessionId: null });
  });

  it('redeems a ticket stored before sessions and roles, with a null session and no roles', async () => {
    const dynamo = await startDynalite();
    const tickets = createTickets(dynamo);
    const bytes = new Uint8Array(32).fill(7);
    const { roles: _roles, ...legacyPrincipal } = principal;
    await putRawItem({
      dynamo,
      item: { pk: `TICKET#${ticketHash(bytes)}`, sk: 'TICKET', docId: 'stmt_1', principal: legacyPrincipal, access: 'read', expiresAtMs: 60_000, expiresAt: 60 },
    });
    expect(await tickets.redeem({ ticket: encodeTicket(bytes), docId: 'stmt_1', now: 2_000 })).toStrictEqual({
      principal: { ...legacyPrincipal, roles: [] },
      access: 'read',
      sessionId: null,
    });
  });

  it('lets only one of two concurrent redeems succeed', async () => {
    const { tickets } = await startTickets();
    const ticket = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000 });
    const results = await Promise.all([1, 2, 3].map(() => tickets.redeem({ ticket, docId: 'stmt_1', now: 2_000 })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('refuses a ticket presented for another document, and consumes it all the same', async () => {
    const { tickets } = await startTickets();
    const ticket = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000 });
    expect(await tickets.redeem({ ticket, docId: 'stmt_2', now: 2_000 })).toBeNull();
    expect(await tickets.redeem({ ticket, docId: 'stmt_1', now: 2_000 })).toBeNull();
  });

  it('refuses a ticket after its lifetime (60 s unless told otherwise)', async () => {
    const { tickets } = await startTickets();
    const short = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000, ttlMs: 500 });
    expect(await tickets.redeem({ ticket: short, docId: 'stmt_1', now: 1_500 })).toBeNull();
    const standard = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000 });
    expect(await tickets.redeem({ ticket: standard, docId: 'stmt_1', now: 61_000 })).toBeNull();
    const fresh = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000 });
    expect(await tickets.redeem({ ticket: fresh, docId: 'stmt_1', now: 60_999 })).not.toBeNull();
  });

  it('refuses malformed and unknown tickets, the malformed ones without asking the database', async () => {
    const { client, tickets } = await startTickets();
    const counts = countRequests(client);
    for (const ticket of ['', 'short', 'x'.repeat(44), `${'A'.repeat(42)}+`, `${'A'.repeat(42)}B`]) {
      expect(await tickets.redeem({ ticket, docId: 'stmt_1', now: 1_000 })).toBeNull();
    }
    expect(counts.requests).toBe(0);
    expect(await tickets.redeem({ ticket: 'A'.repeat(43), docId: 'stmt_1', now: 1_000 })).toBeNull();
    expect(counts.byCommand).toEqual({ DeleteItemCommand: 1 });
  });

  it('issues different tickets from fresh randomness, and stores only their hash', async () => {
    const { tickets, client, tableName } = await startTickets();
    const a = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000 });
    const b = await tickets.issue({ principal, docId: 'stmt_1', access: 'write', now: 1_000 });
    expect(a).not.toBe(b);
    for (const ticket of [a, b]) {
      const items = await queryAll({
        client,
        query: { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TICKET#${ticketHash(decodeTicket(ticket)!)}` } },
      });
      expect(items).toHaveLength(1);
      expect(JSON.stringify(items)).not.toContain(ticket);
    }
  });
});
