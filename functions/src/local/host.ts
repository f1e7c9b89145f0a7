/**
 * The local host: one Node process with the embedded DynamoDB (dynalite), the WebSocket gateway
 * that plays API Gateway's part, and the built SvelteKit app, on one port. It wires the same
 * handlers Lambda runs (../realtime.ts) to local sockets.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import {
  createChunkStore,
  createConnectionRegistry,
  createDocumentStore,
  createDynamoClient,
  createRepositories,
  createTickets,
  ensureTable,
  startEmbeddedDynamo,
  sweepExpired,
} from '@concord/data';
import { createSyncHandlers } from '@concord/sync';
import { createRealtimeHandlers, type RealtimeHandlers } from '../realtime.ts';
import type { HostConfig } from './config.ts';
import { createGatewayServer, gatewayPath } from './gateway-server.ts';
import { seedDemo } from './seed.ts';

export type HostLog = (entry: { level: 'info' | 'warn' | 'error'; code: string; message?: string; error?: unknown }) => void;

export interface LocalHost {
  /** `http://host:port`; the gateway is `ws://host:port/ws`. */
  readonly url: string;
  /** The DynamoDB endpoint in use (undefined on real AWS). */
  readonly dynamoEndpoint: string | undefined;
  /** Open WebSocket connections. */
  connections(): number;
  /** Closes connections (clients will reconnect elsewhere), the server and the store. */
  close(): Promise<void>;
}

const protocolHeader = 'x-forwarded-proto';
const sweepEveryMs = 15 * 60_000;

type WebHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Optional hooks for benchmarks and fault tests (test/bench, test/reliability); `main.ts` sets none. */
export interface HostInstrument {
  /** Wraps the realtime handlers the gateway calls, e.g. to count invocations as Lambda would bill them. */
  realtime?: (handlers: RealtimeHandlers) => RealtimeHandlers;
}

export async function startLocalHost(input: { config: HostConfig; log?: HostLog; instrument?: HostInstrument }): Promise<LocalHost> {
  const { config } = input;
  const log: HostLog = input.log ?? (() => {});
  const embedded = config.store.kind === 'embedded' ? await startEmbeddedDynamo({ path: config.store.path }) : null;
  const dynamoEndpoint = embedded?.endpoint ?? (config.store.kind === 'endpoint' ? config.store.endpoint : undefined);
  const client = createDynamoClient({ endpoint: dynamoEndpoint });
  const { tableName } = config;
  await ensureTable({ client, tableName });
  const documents = createDocumentStore({ client, tableName });
  const sweeper = config.store.kind === 'aws' ? null : startSweeper({ sweep: () => sweepExpired({ client, tableName, now: Date.now() }), log });
  await seedIfAsked({ config, log, documents, repositories: createRepositories({ client, tableName }) });

  let realtime: RealtimeHandlers | undefined;
  const gatewayServer = createGatewayServer({ handlers: () => realtime!, limits: config.limits, log });
  const sync = createSyncHandlers({
    documents,
    connections: createConnectionRegistry({ client, tableName }),
    chunks: createChunkStore({ client, tableName }),
    gateway: gatewayServer.gateway,
    log,
  });
  const handlers = createRealtimeHandlers({ sync, redeemTicket: createTickets({ client, tableName }).redeem, log });
  realtime = input.instrument?.realtime?.(handlers) ?? handlers;

  const web = await loadWeb({ config, dynamoEndpoint });
  const server = createServer((req, res) => {
    if (!web) return gatewayOnly(res);
    // This process is the edge and speaks plain HTTP: say so, whatever a client claims, so the
    // app knows its own origin (CSRF checks compare it with the Origin header).
    req.headers[protocolHeader] = 'http';
    web(req, res, () => notFound(res));
  });
  server.on('upgrade', (req, socket, head) => gatewayServer.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  return {
    url,
    dynamoEndpoint,
    connections: () => gatewayServer.size(),
    async close() {
      if (sweeper) clearInterval(sweeper);
      server.close();
      await gatewayServer.close();
      server.closeAllConnections();
      await embedded?.close();
    },
  };
}

async function seedIfAsked(input: {
  config: HostConfig;
  log: HostLog;
  documents: Parameters<typeof seedDemo>[0]['documents'];
  repositories: Parameters<typeof seedDemo>[0]['repositories'];
}): Promise<void> {
  const { config, log } = input;
  if (!config.seed) return;
  if (!existsSync(config.fixturesDir)) {
    log({ level: 'warn', code: 'seed.fixtures-missing', message: `no demo data: ${config.fixturesDir} not found (set CONCORD_FIXTURES_DIR)` });
    return;
  }
  const result = await seedDemo({ ...input, fixturesDir: config.fixturesDir, now: Date.now() });
  if (result === 'seeded') log({ level: 'info', code: 'seed.done', message: 'seeded the demo coalition' });
}

/**
 * The built SvelteKit app (adapter-node's `handler`). It reads its environment when imported, so
 * the store it must share with the gateway is set first.
 */
async function loadWeb(input: { config: HostConfig; dynamoEndpoint: string | undefined }): Promise<WebHandler | null> {
  const path = input.config.webHandlerPath;
  if (!path || !existsSync(path)) return null;
  if (input.dynamoEndpoint) process.env.DYNAMODB_ENDPOINT = input.dynamoEndpoint;
  process.env.CONCORD_TABLE = input.config.tableName;
  // adapter-node assumes https unless a header says otherwise.
  process.env.PROTOCOL_HEADER = protocolHeader;
  const module = (await import(pathToFileURL(path).href)) as { handler: WebHandler };
  return module.handler;
}

/**
 * DynamoDB deletes expired items (TTL) by itself; dynalite and other local stores do not. Readers
 * ignore them anyway: this keeps `.data/` from growing with dead tickets, chunks and connections.
 */
function startSweeper(input: { sweep: () => Promise<number>; log: HostLog }): ReturnType<typeof setInterval> {
  const run = () =>
    void input.sweep().catch((error: unknown) => input.log({ level: 'warn', code: 'store.sweep-failed', error }));
  run();
  const timer = setInterval(run, sweepEveryMs);
  timer.unref();
  return timer;
}

function gatewayOnly(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`Concord WebSocket gateway: connect to ${gatewayPath}?doc=…&ticket=…\nThe web app is not built (pnpm --filter @concord/web build).\n`);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}
