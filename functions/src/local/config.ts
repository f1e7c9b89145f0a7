/**
 * The local host's settings, from the environment (README "Configuration"). Pure: takes the
 * environment and the repository root, so it is tested without touching `process`.
 */
import { isAbsolute, join } from 'node:path';
import { apiGatewayLimits, type GatewayLimits } from './gateway-server.ts';

export type StoreSetting =
  /** dynalite in this process, persisted under `path` (null: in memory). */
  | { kind: 'embedded'; path: string | null }
  /** Any DynamoDB-compatible endpoint. */
  | { kind: 'endpoint'; endpoint: string }
  /** Real DynamoDB, with the AWS SDK's usual credentials and region. */
  | { kind: 'aws' };

export interface HostConfig {
  host: string;
  port: number;
  /** Where the host keeps its files (store, secret key, outbox); null keeps everything in memory. */
  dataDir: string | null;
  store: StoreSetting;
  /** `CONCORD_SECRET_KEY`; when unset the host keeps one in `dataDir` (or makes one per run). */
  secretKey: string | undefined;
  tableName: string;
  seed: boolean;
  fixturesDir: string;
  /** `CONCORD_DEMO_ACCOUNTS_FILE`: where to write the demo accounts as JSON (for test harnesses). */
  demoAccountsFile: string | null;
  /** The built SvelteKit app's handler, or null to serve only the WebSocket gateway. */
  webHandlerPath: string | null;
  limits: GatewayLimits;
  /** `CONCORD_CALL_SCHEDULE_MS`: how often consensus calls due are closed (default 15 s). */
  callScheduleMs?: number;
  /**
   * `CONCORD_REALTIME_ADAPTERS`: `local` (default) keeps the room's connections in the gateway's
   * memory and compacts beside the message path; `aws` runs the adapters Lambda runs (connection
   * registry in DynamoDB, compaction inside the invocation), so the AWS path is measured here.
   */
  realtimeAdapters: 'local' | 'aws';
  /**
   * `CONCORD_SCHEMA_GUARD` (`1`): refuse client updates that would leave a statement outside the
   * editor's schema. `0` only for test harnesses whose documents are not statements.
   */
  schemaGuard: boolean;
  /**
   * `CONCORD_CONNECTION_BUDGET` (`1`): close a connection that sends more messages or bytes than a
   * person typing and pasting could (@concord/sync budget.ts). `0` for harnesses that replay a
   * whole document's history through one connection.
   */
  connectionBudget: boolean;
  /**
   * `CONCORD_STORE_OWNED`: every freeze of the store goes through this process, so a keystroke is
   * shown to others before the store's freeze check (@concord/sync freeze-fence.ts), and whoever
   * reads its connections runs in it, so they are not written to DynamoDB (live-registry.ts). On by default
   * for the embedded store (nothing else can reach it); `1` asserts it for an endpoint this
   * process started (benchmarks), `0` turns it off; never on AWS.
   */
  storeOwned: boolean;
}

export function readConfig(input: { env: Record<string, string | undefined>; root: string; webBuilt: boolean }): HostConfig {
  const { env, root } = input;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const resolve = (path: string) => (isAbsolute(path) ? path : join(root, path));
  const web = env.CONCORD_WEB ?? (input.webBuilt ? '1' : '0');
  const dir = env.CONCORD_DATA_DIR || '.data';
  const dataDir = dir === ':memory:' ? null : resolve(dir);
  const store = storeSetting({ env, dataDir });
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir,
    store,
    secretKey: env.CONCORD_SECRET_KEY || undefined,
    tableName: env.CONCORD_TABLE || 'concord',
    seed: (env.CONCORD_SEED ?? '1') !== '0',
    fixturesDir: resolve(env.CONCORD_FIXTURES_DIR || '../shared/fixtures'),
    demoAccountsFile: env.CONCORD_DEMO_ACCOUNTS_FILE ? resolve(env.CONCORD_DEMO_ACCOUNTS_FILE) : null,
    webHandlerPath: web === '0' ? null : join(root, 'web/build/handler.js'),
    callScheduleMs: positive(env.CONCORD_CALL_SCHEDULE_MS),
    realtimeAdapters: env.CONCORD_REALTIME_ADAPTERS === 'aws' ? 'aws' : 'local',
    schemaGuard: env.CONCORD_SCHEMA_GUARD !== '0',
    // Never on AWS: Lambda freezes the same table, past any fence of this process.
    storeOwned: store.kind !== 'aws' && (env.CONCORD_STORE_OWNED ? env.CONCORD_STORE_OWNED === '1' : store.kind === 'embedded'),
    connectionBudget: env.CONCORD_CONNECTION_BUDGET !== '0',
    limits: {
      ...apiGatewayLimits,
      idleTimeoutMs: positive(env.CONCORD_IDLE_TIMEOUT_MS) ?? apiGatewayLimits.idleTimeoutMs,
      maxConnectionMs: positive(env.CONCORD_MAX_CONNECTION_MS) ?? apiGatewayLimits.maxConnectionMs,
    },
  };
}

function storeSetting(input: { env: Record<string, string | undefined>; dataDir: string | null }): StoreSetting {
  const { env, dataDir } = input;
  if (env.DYNAMODB_ENDPOINT) return { kind: 'endpoint', endpoint: env.DYNAMODB_ENDPOINT };
  if (env.CONCORD_DYNAMODB === 'aws') return { kind: 'aws' };
  return { kind: 'embedded', path: dataDir === null ? null : join(dataDir, 'dynalite') };
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : undefined;
}
