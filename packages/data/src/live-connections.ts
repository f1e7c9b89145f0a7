/**
 * The connections a local host's gateway holds, for every part of the same process that reads
 * connections: the web app (evicting a person or a document, notices, server-made changes) and
 * the call timer. Published by the host when the store is its own (`CONCORD_STORE_OWNED`: nothing
 * outside the process reads it), so that connecting and leaving write nothing to DynamoDB — as
 * API Gateway's own registry costs no DynamoDB request in AWS. Found by the store's key
 * (`storeKeyOf`) on `globalThis`, because the web app is a separate bundle with its own copy of
 * this module (as freeze fences are: `@concord/sync` freeze-fence.ts).
 *
 * What reads through it only reads: the gateway adds a connection when its socket opens and
 * forgets it when the socket closes, and presence lives in the gateway alone. PROTOCOL.md §9.
 */
import type { ConnectionRecord, ConnectionRegistry } from '@concord/sync/ports';

/** What a reader elsewhere in the process may ask of the gateway's connections. */
export type LiveConnections = Pick<ConnectionRegistry, 'get' | 'listForDocument'> & {
  listByUser(input: { userId: string; now: number }): Promise<ConnectionRecord[]>;
};

const registryKey = Symbol.for('concord.live-connections');

function registry(): Map<string, LiveConnections> {
  const global = globalThis as { [registryKey]?: Map<string, LiveConnections> };
  global[registryKey] ??= new Map();
  return global[registryKey];
}

/** Makes `connections` what every registry of `storeKey` in this process reads; returns the undo. */
export function publishLiveConnections(storeKey: string, connections: LiveConnections): () => void {
  if (registry().has(storeKey)) throw new Error(`live connections are already published for ${storeKey}`);
  registry().set(storeKey, connections);
  return () => {
    if (registry().get(storeKey) === connections) registry().delete(storeKey);
  };
}

/** The gateway's connections for the store `storeKey`, when this process's host published them. */
export function liveConnectionsFor(storeKey: string | null): LiveConnections | undefined {
  return storeKey === null ? undefined : registry().get(storeKey);
}
