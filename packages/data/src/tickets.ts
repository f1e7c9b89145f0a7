/**
 * Single-use tickets for the WebSocket `$connect`: the web app issues one for a signed-in
 * principal and a document; the gateway redeems it once. Item `TICKET#<sha256>` / `TICKET`
 * holding the principal, the session that asked, document, access and expiry (TTL in seconds,
 * checked on redeem).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '@concord/core';
import { map } from './fields.ts';
import { accessFrom, principalFrom, principalItem } from './item-shapes.ts';
import { ticketKeys, ttlSeconds } from './keys.ts';
import { key, num, putIfAbsent, str, takeItem } from './requests.ts';
import { tableDefinition } from './table-definition.ts';
import { decodeTicket, encodeTicket, ticketBytes, ticketHash } from './ticket-code.ts';

export type TicketAccess = 'read' | 'write';

export interface Tickets {
  /**
   * Stores a new ticket for `principal` on `docId`, valid for `ttlMs` (default 60 s) after `now`.
   * `sessionId` is the session that asked: its connection can then be closed when it ends.
   * Optional only for callers written before sessions existed.
   */
  issue(input: { principal: Principal; sessionId?: string | null; docId: string; access: TicketAccess; now: number; ttlMs?: number }): Promise<string>;
  /**
   * Consumes `ticket` (atomically: of two concurrent redeems, at most one succeeds) and returns
   * what it grants, or null when it is malformed, unknown, already used, expired, or for another
   * document — a ticket presented for the wrong document is consumed all the same.
   */
  redeem(input: { ticket: string; docId: string; now: number }): Promise<TicketGrant | null>;
}

export interface TicketGrant {
  principal: Principal;
  access: TicketAccess;
  /** The session the ticket was issued to; null for one issued without (or before sessions). */
  sessionId: string | null;
}

const defaultTtlMs = 60_000;

export function createTickets(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** `n` random bytes; defaults to `crypto.getRandomValues`. */
  random?: (n: number) => Uint8Array;
}): Tickets {
  const { client, tableName } = options;
  const random = options.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const ticketKey = (hash: string) => key({ pk: ticketKeys.pk(hash), sk: ticketKeys.sk });

  return {
    async issue({ principal, sessionId = null, docId, access, now, ttlMs = defaultTtlMs }) {
      const bytes = random(ticketBytes);
      const expiresAtMs = now + ttlMs;
      const item = { ...ticketKey(ticketHash(bytes)), docId, principal: principalItem(principal), sessionId, access, expiresAtMs, [tableDefinition.ttlAttribute]: ttlSeconds(expiresAtMs) };
      // 256 random bits never collide; if `random` is broken, fail rather than share a ticket.
      if (!(await putIfAbsent({ client, tableName, item }))) throw new Error('a ticket with this hash exists: the random source repeats');
      return encodeTicket(bytes);
    },

    async redeem({ ticket, docId, now }) {
      const bytes = decodeTicket(ticket);
      if (!bytes) return null;
      const item = await takeItem({ client, tableName, key: ticketKey(ticketHash(bytes)) });
      if (!item || str(item, 'docId') !== docId || (num(item, 'expiresAtMs') ?? 0) <= now) return null;
      return { principal: principalFrom(map(item, 'principal')), access: accessFrom(item), sessionId: str(item, 'sessionId') ?? null };
    },
  };
}
