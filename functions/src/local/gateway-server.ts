/**
 * The local host's stand-in for API Gateway's WebSocket API, limits included, so that what works
 * here works behind AWS:
 *
 * - one endpoint (`/ws`); the document and ticket travel in the query string, any other path → 403;
 * - the `$connect` authorizer runs first and its context travels with every later event of the
 *   connection (`requestContext.authorizer`), as API Gateway does: identity is never re-read;
 * - `$connect` runs before the handshake completes: a non-200 refuses it with that status, and
 *   posts to the connection fail as gone (410) until it has completed;
 * - text frames only (binary → close 1003), at most 32 KB per message (→ 1009);
 * - connections idle for 10 minutes or open for 2 hours are closed (1001);
 * - each message is its own handler call; one connection's messages are handled in order (a
 *   stricter case of API Gateway's "no ordering guarantee" that the client's save indicator
 *   relies on locally), different connections' concurrently. Because it queues, it spends each
 *   frame's budget as the frame arrives (`arrived`), as a handler invoked per frame in AWS does:
 *   a flooder is closed at the first frame over budget, and what it queued is dropped.
 *
 * It owns the sockets and implements the sync core's Gateway port over them. A connection the
 * server closed (an eviction) has its frames still queued dropped, as API Gateway delivers
 * nothing after DeleteConnection.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Gateway } from '@concord/sync';
import { WebSocket, WebSocketServer } from 'ws';
import type { GatewayEvent, RealtimeHandlers } from '../realtime.ts';

export interface GatewayLimits {
  /** API Gateway: 32 KB frames (browsers send each message as one frame). */
  maxMessageBytes: number;
  idleTimeoutMs: number;
  maxConnectionMs: number;
}

export const apiGatewayLimits: GatewayLimits = {
  maxMessageBytes: 32 * 1024,
  idleTimeoutMs: 10 * 60_000,
  maxConnectionMs: 2 * 60 * 60_000,
};

export const gatewayPath = '/ws';

interface LiveConnection {
  socket: WebSocket;
  /** The authorizer's context, handed to every event. */
  context: Record<string, unknown>;
  /** Closed by the server: frames still queued are not delivered. */
  evicted: boolean;
  queue: Promise<void>;
  idleTimer: ReturnType<typeof setTimeout>;
  lifeTimer: ReturnType<typeof setTimeout>;
}

export interface GatewayServer {
  /** The sync core's way to reach sockets (and the management API's). */
  readonly gateway: Gateway & { exists(connectionId: string): boolean };
  /** Route an HTTP upgrade here (the HTTP server owns the port). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Connections currently open. */
  size(): number;
  /** Closes every connection (1001, going away) and waits for their `$disconnect`s. */
  close(): Promise<void>;
}

export function createGatewayServer(input: {
  /** Set once the handlers exist (they need this gateway first). */
  handlers: () => RealtimeHandlers;
  limits?: Partial<GatewayLimits>;
  log?: (entry: { level: 'warn' | 'error'; code: string; error?: unknown }) => void;
  /** Called for each frame posted to a client (benchmarks count API Gateway's outbound messages). */
  onPost?: (frame: string) => void;
}): GatewayServer {
  const limits = { ...apiGatewayLimits, ...input.limits };
  const log = input.log ?? (() => {});
  const live = new Map<string, LiveConnection>();
  const pending = new Set<Promise<unknown>>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  let sequence = 0;

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => {});
    return promise;
  };

  const event = (connectionId: string, routeKey: string, extra: Partial<GatewayEvent> = {}, authorizer?: Record<string, unknown>): GatewayEvent => ({
    requestContext: { connectionId, routeKey, domainName: 'localhost', stage: 'local', ...(authorizer ? { authorizer } : {}) },
    ...extra,
  });

  /** The event as API Gateway stamps it: when the frame arrived, not when its turn came. */
  const received = (base: GatewayEvent, requestTimeEpoch: number): GatewayEvent => ({ ...base, requestContext: { ...base.requestContext, requestTimeEpoch } });

  function refuse(socket: Duplex, status: number, reason: string): void {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  async function connect(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== gatewayPath) return refuse(socket, 403, 'Forbidden');
    sequence += 1;
    const connectionId = `local${sequence.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const queryStringParameters = Object.fromEntries(url.searchParams);
    const authorization = await input.handlers().authorize(event(connectionId, '$connect', { queryStringParameters }));
    if (!authorization.allowed) return refuse(socket, authorization.statusCode, authorization.body);
    const context = authorization.context;
    const withContext = (routeKey: string, extra: Partial<GatewayEvent> = {}) => event(connectionId, routeKey, extra, context);
    const result = await input.handlers().connect(withContext('$connect', { queryStringParameters }));
    if (result.statusCode !== 200) return refuse(socket, result.statusCode, result.body ?? 'Refused');
    if (socket.destroyed) {
      // The client gave up during $connect: API Gateway would still send $disconnect.
      await input.handlers().disconnect(withContext('$disconnect'));
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => opened(connectionId, ws, context));
  }

  function opened(connectionId: string, socket: WebSocket, context: Record<string, unknown>): void {
    const goingAway = () => socket.close(1001, 'Going away');
    const withContext = (routeKey: string, extra: Partial<GatewayEvent> = {}) => event(connectionId, routeKey, extra, context);
    const connection: LiveConnection = {
      socket,
      context,
      evicted: false,
      queue: Promise.resolve(),
      idleTimer: setTimeout(goingAway, limits.idleTimeoutMs),
      lifeTimer: setTimeout(goingAway, limits.maxConnectionMs),
    };
    live.set(connectionId, connection);
    socket.on('message', (data, isBinary) => {
      connection.idleTimer.refresh();
      if (isBinary) return socket.close(1003, 'Binary frames are not supported');
      if (connection.evicted) return;
      const body = data.toString();
      const arrival = received(withContext('$default', { body }), Date.now());
      const handled = (promise: Promise<unknown>) =>
        track(promise).then(
          () => {},
          (error: unknown) => log({ level: 'error', code: 'gateway.message-failed', error }),
        );
      if (!input.handlers().arrived(arrival)) {
        // Over budget as it arrived: what waits in the queue is dropped and this frame closes the
        // connection now, not after the flood already queued has been handled.
        connection.evicted = true;
        void handled(input.handlers().message(arrival));
        return;
      }
      const admitted: GatewayEvent = { ...arrival, requestContext: { ...arrival.requestContext, admitted: true } };
      connection.queue = connection.queue.then(() => (connection.evicted ? undefined : handled(input.handlers().message(admitted))));
    });
    socket.on('error', (error) => log({ level: 'warn', code: 'gateway.socket-error', error }));
    socket.on('close', () => {
      clearTimeout(connection.idleTimer);
      clearTimeout(connection.lifeTimer);
      live.delete(connectionId);
      // After the connection's last message, as API Gateway would.
      void track(connection.queue.then(() => input.handlers().disconnect(withContext('$disconnect'))));
    });
  }

  const gateway: GatewayServer['gateway'] = {
    exists: (connectionId) => live.has(connectionId),
    async post({ connectionId, frame }) {
      const connection = live.get(connectionId);
      if (!connection || connection.socket.readyState !== WebSocket.OPEN) return 'gone';
      input.onPost?.(frame);
      await new Promise<void>((resolve, reject) => connection.socket.send(frame, (error) => (error ? reject(error) : resolve())));
      return 'ok';
    },
    async close({ connectionId }) {
      const connection = live.get(connectionId);
      if (!connection) return;
      connection.evicted = true;
      // API Gateway's DeleteConnection cannot choose a close code: the client read ours in an `e` frame.
      connection.socket.close(1000, 'Closed by the server');
    },
  };

  return {
    gateway,
    handleUpgrade(request, socket, head) {
      track(connect(request, socket, head)).catch((error: unknown) => {
        log({ level: 'error', code: 'gateway.connect-failed', error });
        if (!socket.destroyed) refuse(socket, 500, 'Internal Server Error');
      });
    },
    size: () => live.size,
    async close() {
      for (const { socket } of live.values()) socket.close(1001, 'Server shutting down');
      // Clients normally answer the close at once; a silent one is cut off after a moment.
      const deadline = Date.now() + 2_000;
      while (live.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const { socket } of live.values()) socket.terminate();
      while (pending.size > 0) await Promise.allSettled([...pending]);
      wss.close();
    },
  };
}
