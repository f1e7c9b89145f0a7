/**
 * API Gateway WebSocket events → the sync core. Both hosts call exactly these: Lambda with the
 * events API Gateway sends, the local host with the same events built by its `ws` gateway.
 *
 *   $connect     ?doc=<statement id>&ticket=<single-use ticket> → identity and access, or 401
 *   $default     one text frame (see @concord/sync frames)
 *   $disconnect  the connection is gone
 */
import type { Principal } from '@concord/core';
import type { ConnectionAccess, SyncHandlers } from '@concord/sync';

/** The part of API Gateway's WebSocket event the handlers read. */
export interface GatewayEvent {
  requestContext: { connectionId: string; routeKey: string; domainName?: string; stage?: string };
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface GatewayResult {
  statusCode: number;
  body?: string;
}

/** Redeems a `$connect` ticket (single use); null when unknown, used, expired or for another doc. */
export type RedeemTicket = (input: {
  ticket: string;
  docId: string;
  now: number;
}) => Promise<{ principal: Principal; access: ConnectionAccess; sessionId: string | null } | null>;

/** Whether the session a ticket was issued to is still signed in (it may have ended since). */
export type SessionAlive = (sessionId: string) => Promise<boolean>;

export interface RealtimeHandlers {
  connect(event: GatewayEvent): Promise<GatewayResult>;
  message(event: GatewayEvent): Promise<GatewayResult>;
  disconnect(event: GatewayEvent): Promise<GatewayResult>;
}

const docIdPattern = /^[A-Za-z0-9_-]{1,80}$/;
const ticketPattern = /^[A-Za-z0-9_-]{16,128}$/;

export function createRealtimeHandlers(input: {
  sync: SyncHandlers;
  redeemTicket: RedeemTicket;
  sessionAlive: SessionAlive;
  now?: () => number;
  log?: (entry: { level: 'warn' | 'error'; code: string; error?: unknown }) => void;
}): RealtimeHandlers {
  const { sync, redeemTicket } = input;
  const now = input.now ?? Date.now;
  const log = input.log ?? (() => {});

  return {
    async connect(event) {
      const docId = event.queryStringParameters?.doc ?? '';
      const ticket = event.queryStringParameters?.ticket ?? '';
      if (!docIdPattern.test(docId) || !ticketPattern.test(ticket)) return { statusCode: 400, body: 'realtime.bad-request' };
      try {
        const granted = await redeemTicket({ ticket, docId, now: now() });
        if (!granted) return { statusCode: 401, body: 'auth.ticket-invalid' };
        // Signed out between asking for the ticket and using it: the ticket died with the session.
        if (!granted.sessionId || !(await input.sessionAlive(granted.sessionId))) return { statusCode: 401, body: 'auth.session-ended' };
        await sync.connect({ connectionId: event.requestContext.connectionId, docId, ...granted });
        return { statusCode: 200 };
      } catch (error) {
        log({ level: 'error', code: 'realtime.connect-failed', error });
        return { statusCode: 500, body: 'realtime.internal-error' };
      }
    },

    async message(event) {
      // API Gateway closes binary frames itself (1003); a base64 body here is not a text frame.
      const frame = event.isBase64Encoded ? null : event.body;
      await sync.message({ connectionId: event.requestContext.connectionId, frame });
      return { statusCode: 200 };
    },

    async disconnect(event) {
      try {
        await sync.disconnect({ connectionId: event.requestContext.connectionId });
      } catch (error) {
        // The record expires by TTL; nothing else depends on this succeeding.
        log({ level: 'warn', code: 'realtime.disconnect-failed', error });
      }
      return { statusCode: 200 };
    },
  };
}
