/**
 * The hub's one composition root: what a process that serves Concord reads from its environment
 * and builds once — the DynamoDB client and table, the document and version stores, the sync
 * handlers over the gateway's management endpoint, the live-connection reader, the audit chain's
 * key. The web server (`web/src/lib/server/context.ts` hands it SvelteKit's private env) and the
 * Lambda entries take their parts from here, so every feature's context shares one client, one
 * document store and one set of sync handlers instead of reading the environment again.
 *
 * Built on first use, part by part: `vite build` imports server code with no environment, and a
 * process that never reaches an open editor needs no management endpoint.
 */
import { auditChainKey } from '@concord/auth/audit-chain';
import { createConnectionRegistry, createDocumentStore, createDynamoClient, createManagementGateway, createRealtime, createVersionStore, type Realtime } from '@concord/data';
import type { SyncDependencies, SyncHandlers } from '@concord/sync';
import { createServerSync } from './server-sync.ts';

/** The variables it reads; a process may hold others (the web app's mail settings). */
export interface HubEnvironment {
  /** dynalite or another DynamoDB-compatible endpoint; unset on AWS. */
  DYNAMODB_ENDPOINT?: string | undefined;
  /** The one table (default `concord`). */
  CONCORD_TABLE?: string | undefined;
  /** 32 bytes, base64: keys the audit chain (the web app also seals TOTP keys with it). */
  CONCORD_SECRET_KEY?: string | undefined;
  /** The WebSocket API's management endpoint: evictions, notices and server-made changes reach open editors through it. */
  CONCORD_WS_MANAGEMENT_URL?: string | undefined;
  /** The local host's per-process key id for its management endpoint; unset on AWS, where the SDK signs with the role's credentials. */
  CONCORD_WS_MANAGEMENT_KEY?: string | undefined;
  /** Whatever else the process's environment holds (`process.env`, SvelteKit's private env). */
  [name: string]: string | undefined;
}

export interface HubContext {
  store: { client: ReturnType<typeof createDynamoClient>; tableName: string };
  /** Statement texts: one store, so its loads are shared and a freeze fence finds it. */
  documents: ReturnType<typeof createDocumentStore>;
  versions: ReturnType<typeof createVersionStore>;
  /** The sync core's handlers with the version hooks (`createServerSync`), over the management endpoint. */
  sync(): SyncHandlers;
  /** Closing live connections whose access ended, through `sync`. */
  realtime(): Realtime;
  /** `CONCORD_SECRET_KEY`, which must be set. */
  secretKey(): string;
  /** The audit chain's key, derived from the secret key (every writer of the log needs it). */
  auditKey(): Uint8Array;
}

export function createHubContext(env: HubEnvironment, options: { log?: SyncDependencies['log'] } = {}): HubContext {
  const store = { client: createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined }), tableName: env.CONCORD_TABLE || 'concord' };
  const documents = createDocumentStore(store);
  const required = (name: keyof HubEnvironment): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  let sync: SyncHandlers | undefined;
  let realtime: Realtime | undefined;
  let auditKey: Uint8Array | undefined;
  const hub: HubContext = {
    store,
    documents,
    versions: createVersionStore(store),
    sync() {
      if (!sync) {
        const accessKeyId = env.CONCORD_WS_MANAGEMENT_KEY;
        const credentials = accessKeyId ? { accessKeyId, secretAccessKey: 'local' } : undefined;
        const gateway = createManagementGateway({ endpoint: required('CONCORD_WS_MANAGEMENT_URL'), credentials });
        sync = createServerSync({ ...store, documents, gateway, ...(options.log ? { log: options.log } : {}) });
      }
      return sync;
    },
    realtime() {
      realtime ??= createRealtime({ ...store, sync: hub.sync(), connections: createConnectionRegistry(store) });
      return realtime;
    },
    secretKey: () => required('CONCORD_SECRET_KEY'),
    auditKey() {
      auditKey ??= auditChainKey({ secretKeyBase64: required('CONCORD_SECRET_KEY') });
      return auditKey;
    },
  };
  return hub;
}
