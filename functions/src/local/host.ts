/**
 * The local host: one Node process with the embedded DynamoDB (dynalite), the WebSocket gateway
 * and management API that play API Gateway's part, and the built SvelteKit app, on one port. It
 * wires the same handlers Lambda runs (../realtime.ts) to local sockets.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createConnectionRegistry,
  createDocumentStore,
  createRepositories,
  createSessions,
  createTickets,
  ensureTable,
  storeKeyOf,
  publishLiveConnections,
  startEmbeddedDynamo,
  sweepExpired,
} from '@concord/data';
import { createFreezeFence, registerFreezeFence } from '@concord/sync';
import { createHubContext } from '@concord/hub';
import { createHostSync } from '../host-sync.ts';
import { createRealtimeHandlers, type RealtimeHandlers } from '../realtime.ts';
import { auditChainKey } from '@concord/auth/audit-chain';
import { createCallSchedule } from '../call-scheduler.ts';
import { callScheduleEveryMs, startCallTimer } from './call-timer.ts';
import type { HostConfig } from './config.ts';
import { createGatewayServer, gatewayPath } from './gateway-server.ts';
import { startStateMerger } from './state-merger.ts';
import { createLiveRegistry } from './live-registry.ts';
import { handleManagementRequest, isManagementRequest } from './management-api.ts';
import { localSecretKey } from './secrets.ts';
import { seedIfAsked, type DemoAccount } from './seed-on-start.ts';
import { loadWebApp, serveWeb, type WebHandler } from './web-app.ts';

export type HostLog = (entry: { level: 'info' | 'warn' | 'error'; code: string; message?: string; error?: unknown }) => void;

export interface LocalHost {
  /** `http://host:port`; the gateway is `ws://host:port/ws`. */
  readonly url: string;
  /** The DynamoDB endpoint in use (undefined on real AWS). */
  readonly dynamoEndpoint: string | undefined;
  /** Demo accounts made on this start (empty unless the store was empty and seeding is on). */
  readonly demoAccounts: DemoAccount[];
  /** Open WebSocket connections. */
  connections(): number;
  /** Closes connections (clients will reconnect elsewhere), the server and the store. */
  close(): Promise<void>;
}

const sweepEveryMs = 15 * 60_000;

/**
 * A shorter tail than Lambda's: every load (a newcomer's first sync, a guard's reload) reads and
 * applies the tail item by item, and here a compaction costs no bill — on AWS each one writes the
 * whole snapshot again, in write units, so there the sync core's 200 stands. PROTOCOL.md §9.
 */
const localCompaction = { maxTailCount: 50 };

/**
 * Statements the schema guard keeps built: every one a meeting has open, so that a keystroke is
 * judged without a load. Lambda's 64 is sized for a container's memory; this host serves them all.
 */
const localGuardDocuments = 512;

/** Optional hooks for benchmarks and fault tests (test/bench, test/reliability); `main.ts` sets none. */
export interface HostInstrument {
  /** Wraps the realtime handlers the gateway calls, e.g. to count invocations as Lambda would bill them. */
  realtime?: (handlers: RealtimeHandlers) => RealtimeHandlers;
  /** Sees each frame the gateway posts to a client (API Gateway bills them as messages). */
  onPost?: (frame: string) => void;
}

export async function startLocalHost(input: { config: HostConfig; log?: HostLog; instrument?: HostInstrument }): Promise<LocalHost> {
  const { config } = input;
  const log: HostLog = input.log ?? (() => {});
  const embedded = config.store.kind === 'embedded' ? await startEmbeddedDynamo({ path: config.store.path, thread: true }) : null;
  const dynamoEndpoint = embedded?.endpoint ?? (config.store.kind === 'endpoint' ? config.store.endpoint : undefined);
  // The store as every process builds it; the host's own adapters go on top of it below.
  const store = createHubContext({ DYNAMODB_ENDPOINT: dynamoEndpoint, CONCORD_TABLE: config.tableName }).store;
  const { client } = store;
  await ensureTable(store);
  const appended = createDocumentStore({ ...store, groupCommit: config.realtimeAdapters === 'local' });
  // Every freeze of a store this process owns goes through it (web app, call timer, seed): a
  // keystroke is shown before the store's freeze check, and a freeze waits for it instead.
  // A store without a key cannot be found by the web app's freezes: then no early admission.
  const storeKey = config.storeOwned ? await storeKeyOf(client, config.tableName) : null;
  const fence = storeKey ? createFreezeFence() : null;
  const unregisterFence = fence && storeKey ? registerFreezeFence(storeKey, fence) : () => {};
  const documents = fence ? fence.admitting(appended, ({ code, docId, error }) => log({ level: 'error', code, message: docId, error })) : appended;
  const sweeper = config.store.kind === 'aws' ? null : startSweeper({ sweep: () => sweepExpired({ ...store, now: Date.now() }), log });
  const secretKey = await localSecretKey({ configured: config.secretKey, dataDir: config.dataDir });
  const demoAccounts = await seedIfAsked({ config, secretKey, log, store, documents, repositories: createRepositories(store) });

  let realtime: RealtimeHandlers | undefined;
  const gatewayServer = createGatewayServer({ handlers: () => realtime!, limits: config.limits, log, onPost: input.instrument?.onPost });
  const background = createBackground({ log });
  const local = config.realtimeAdapters === 'local';
  // The gateway's connections: published to the web app and the call timer when the store is
  // this process's own, else written through to DynamoDB for them (live-registry.ts).
  const registry = local ? createLiveRegistry(storeKey ? {} : { durable: createConnectionRegistry(store) }) : null;
  const unpublishConnections = registry && storeKey ? publishLiveConnections(storeKey, registry) : () => {};
  // Lambda merges inside its invocation; the local host keeps that CPU off its event loop.
  const merger = local ? startStateMerger() : null;
  const sync = createHostSync({
    ...store,
    // Lambda's adapters bring Lambda's store (host-sync.ts); the seed and the local path use this one.
    ...(local ? { documents } : {}),
    gateway: gatewayServer.gateway,
    ...(registry ? { connections: registry, later: background.run } : {}),
    ...(merger ? { mergeState: merger.merge } : {}),
    ...(local ? { compaction: localCompaction } : {}),
    schemaGuard: config.schemaGuard,
    ...(local ? { guardDocuments: localGuardDocuments } : {}),
    connectionBudget: config.connectionBudget,
    log,
  });
  const sessions = createSessions(store);
  const handlers = createRealtimeHandlers({
    sync,
    redeemTicket: createTickets(store).redeem,
    sessionAlive: async (id) => (await sessions.get(id)) !== null,
    log,
  });
  realtime = input.instrument?.realtime?.(handlers) ?? handlers;
  // Consensus calls close at their deadline with no page open (AWS: infra/scheduler.ts).
  const stopCallTimer = startCallTimer({ run: createCallSchedule({ ...store, sync, log, auditKey: auditChainKey({ secretKeyBase64: secretKey }) }).run, everyMs: config.callScheduleMs ?? callScheduleEveryMs, log });

  const managementKey = `LOCAL${randomBytes(12).toString('hex').toUpperCase()}`;
  let web: WebHandler | null | undefined;
  const server = createServer((req, res) => {
    if (isManagementRequest(req)) {
      void handleManagementRequest({ req, res, gateway: gatewayServer.gateway, accessKeyId: managementKey });
    } else if (web) serveWeb({ web, req, res });
    else gatewayOnly({ res, starting: web === undefined });
  });
  server.on('upgrade', (req, socket, head) => gatewayServer.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  web = await loadWebApp({
    handlerPath: config.webHandlerPath,
    env: {
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      CONCORD_TABLE: config.tableName,
      CONCORD_SECRET_KEY: secretKey,
      CONCORD_OUTBOX_DIR: join(config.dataDir ?? join(tmpdir(), `concord-${process.pid}`), 'outbox'),
      CONCORD_WS_MANAGEMENT_URL: `http://127.0.0.1:${port}`,
      CONCORD_WS_MANAGEMENT_KEY: managementKey,
      // Links in mail: the configured address, else the one printed (another machine on the
      // network needs HOST set to an address it can reach).
      CONCORD_PUBLIC_URL: process.env.CONCORD_PUBLIC_URL || url,
    },
  });

  return {
    url,
    dynamoEndpoint,
    demoAccounts,
    connections: () => gatewayServer.size(),
    async close() {
      if (sweeper) clearInterval(sweeper);
      stopCallTimer();
      server.close();
      await gatewayServer.close();
      await background.idle();
      await merger?.close();
      server.closeAllConnections();
      unregisterFence();
      unpublishConnections();
      await embedded?.close();
    },
  };
}

/**
 * Work beside the message path (compaction): started at once and not awaited by the message;
 * one task per key at a time (a long tail asks for compaction on every update until it lands);
 * awaited at close.
 */
function createBackground(input: { log: HostLog }) {
  const running = new Map<string, Promise<void>>();
  return {
    run({ key, task }: { key: string; task: () => Promise<void> }): Promise<void> {
      if (running.has(key)) return Promise.resolve();
      const promise = task()
        .catch((error: unknown) => input.log({ level: 'error', code: 'host.background-failed', error }))
        .finally(() => running.delete(key));
      running.set(key, promise);
      return Promise.resolve();
    },
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}

/**
 * DynamoDB deletes expired items (TTL) by itself; dynalite and other local stores do not. Readers
 * ignore them anyway: this keeps `.data/` from growing with dead tickets, chunks and connections.
 */
function startSweeper(input: { sweep: () => Promise<number>; log: HostLog }): ReturnType<typeof setInterval> {
  const run = () => void input.sweep().catch((error: unknown) => input.log({ level: 'warn', code: 'store.sweep-failed', error }));
  run();
  const timer = setInterval(run, sweepEveryMs);
  timer.unref();
  return timer;
}

function gatewayOnly(input: { res: ServerResponse; starting: boolean }): void {
  const { res } = input;
  res.writeHead(input.starting ? 503 : 200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(
    input.starting
      ? 'Concord is starting.\n'
      : `Concord WebSocket gateway: connect to ${gatewayPath}?doc=…&ticket=…\nThe web app is not built (pnpm --filter @concord/web build).\n`,
  );
}
