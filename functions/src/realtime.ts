/**
 * API Gateway WebSocket events → the sync core. Both hosts call exactly these: Lambda with the
 * events API Gateway sends, the local host with the same events built by its `ws` gateway.
 *
 *   authorizer   ?doc=<statement id>&ticket=<single-use ticket> → identity and access (the
 *                context API Gateway then hands to every event of the connection), or refused
 *   $connect     registers the connection (authorizes first when no authorizer ran)
 *   $default     one text frame (see @concord/sync frames), with the connection's context
 *   $disconnect  the connection is gone
 */
import { isDomainError, type Principal } from '@concord/core';
import type { ConnectionAccess, SyncHandlers } from '@concord/sync';
import { decodeConnectionContext, encodeConnectionContext, type AuthorizerContext } from './connection-context.ts';

/** The part of API Gateway's WebSocket event the handlers read. */
export interface GatewayEvent {
  requestContext: {
    connectionId: string;
    routeKey: string;
    domainName?: string;
    stage?: string;
    /** What the `$connect` authorizer returned as its context; on every event of the connection. */
    authorizer?: Record<string, unknown> | null;
    /** When API Gateway received the frame (epoch ms): a connection's budget counts arrivals. */
    requestTimeEpoch?: number;
    /**
     * Local gateway only: the frame's budget was spent as it arrived (`arrived`), before it
     * waited in the connection's queue. API Gateway invokes a handler per frame as it arrives,
     * so in AWS `message` spends it itself.
     */
    admitted?: boolean;
  };
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

/** The authorizer's answer: the connection's context, or the HTTP status that refuses it. */
export type Authorization = { allowed: true; context: AuthorizerContext } | { allowed: false; statusCode: number; body: string };

export interface RealtimeHandlers {
  /** The `$connect` authorizer: redeems the ticket (single use). */
  authorize(event: GatewayEvent): Promise<Authorization>;
  connect(event: GatewayEvent): Promise<GatewayResult>;
  message(event: GatewayEvent): Promise<GatewayResult>;
  /**
   * For a gateway that queues a connection's frames: spends the frame's budget as it arrives.
   * False when the person is over it — the gateway drops what it queued and hands this frame to
   * `message` unadmitted, which closes the connection (`rateLimited`).
   */
  arrived(event: GatewayEvent): boolean;
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

  async function authorize(event: GatewayEvent): Promise<Authorization> {
    const docId = event.queryStringParameters?.doc ?? '';
    const ticket = event.queryStringParameters?.ticket ?? '';
    if (!docIdPattern.test(docId) || !ticketPattern.test(ticket)) return { allowed: false, statusCode: 400, body: 'realtime.bad-request' };
    const granted = await redeemTicket({ ticket, docId, now: now() });
    if (!granted) return { allowed: false, statusCode: 401, body: 'auth.ticket-invalid' };
    // Closed for flooding a moment ago: refused before anything else is read or written.
    if (sync.coolingFor({ userId: granted.principal.userId }) > 0) return { allowed: false, statusCode: 429, body: 'sync.rate-limited' };
    // Signed out between asking for the ticket and using it: the ticket died with the session.
    if (!granted.sessionId || !(await input.sessionAlive(granted.sessionId))) return { allowed: false, statusCode: 401, body: 'auth.session-ended' };
    return { allowed: true, context: encodeConnectionContext({ docId, ...granted, sessionId: granted.sessionId, connectedAt: now() }) };
  }

  return {
    authorize,

    async connect(event) {
      try {
        let context = decodeConnectionContext(event.requestContext.authorizer);
        if (!context) {
          const authorization = await authorize(event);
          if (!authorization.allowed) return { statusCode: authorization.statusCode, body: authorization.body };
          context = decodeConnectionContext(authorization.context);
        }
        if (!context) return { statusCode: 401, body: 'auth.ticket-invalid' };
        const { connectedAt: _, ...granted } = context;
        await sync.connect({ connectionId: event.requestContext.connectionId, ...granted });
        return { statusCode: 200 };
      } catch (error) {
        // One person holding too many connections (a tab or script opening sockets in a loop).
        if (isDomainError(error) && (error.code === 'sync.too-many-connections' || error.code === 'sync.rate-limited')) return { statusCode: 429, body: error.code };
        log({ level: 'error', code: 'realtime.connect-failed', error });
        return { statusCode: 500, body: 'realtime.internal-error' };
      }
    },

    async message(event) {
      // API Gateway closes binary frames itself (1003); a base64 body here is not a text frame.
      const frame = event.isBase64Encoded ? null : event.body;
      const connection = decodeConnectionContext(event.requestContext.authorizer);
      const receivedAt = event.requestContext.requestTimeEpoch;
      const admitted = event.requestContext.admitted === true;
      await sync.message({ connectionId: event.requestContext.connectionId, frame, ...(connection ? { connection } : {}), ...(receivedAt ? { receivedAt } : {}), ...(admitted ? { admitted } : {}) });
      return { statusCode: 200 };
    },

    arrived(event) {
      const connection = decodeConnectionContext(event.requestContext.authorizer);
      // Without a context `message` finds the connection and spends the budget itself.
      if (!connection) return true;
      const bytes = typeof event.body === 'string' ? event.body.length : 0;
      return sync.admit({ userId: connection.principal.userId, bytes, at: event.requestContext.requestTimeEpoch ?? now() });
    },

    async disconnect(event) {
      try {
        const docId = decodeConnectionContext(event.requestContext.authorizer)?.docId;
        await sync.disconnect({ connectionId: event.requestContext.connectionId, ...(docId ? { docId } : {}) });
      } catch (error) {
        // The record expires by TTL; nothing else depends on this succeeding.
        log({ level: 'warn', code: 'realtime.disconnect-failed', error });
      }
      return { statusCode: 200 };
    },
  };
}
