/**
 * Closing live WebSocket connections that lost their access: all of a person's (or one
 * session's), or all of a document's (its sharing changed; clients reconnect with their new
 * access). Finds them in the connection registry and hands each to the sync core's `evict`,
 * which sends the `e` frame, closes the connection through the gateway and forgets it.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConnectionRecord } from '@concord/sync/ports';
import { createConnectionRegistry, type DynamoConnectionRegistry } from './connection-registry.ts';

export interface Realtime {
  /**
   * Closes the live connections of a person (all, or only those made with one session's
   * tickets); returns how many. Found through an index: on AWS a connection opened a moment ago
   * may be missed.
   */
  evictUser(input: { userId: string; sessionId?: string; reason: string }): Promise<number>;
  /** Closes every live connection to a document (a consistent read); returns how many. */
  evictDocument(input: { docId: string; reason: string }): Promise<number>;
}

/** The part of the sync core's handlers (`SyncHandlers`) eviction needs. */
export interface Evictor {
  evict(input: { connectionId: string; code: number; reason: string }): Promise<void>;
}

/** `CloseCode.unauthorized` of `@concord/sync`: the client asks for a new ticket before reconnecting. */
const unauthorized = 4401;

export function createRealtime(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  sync: Evictor;
  /** Defaults to a registry on the same table. */
  connections?: Pick<DynamoConnectionRegistry, 'listByUser' | 'listForDocument'>;
  /** Close code sent to evicted clients; 4401 unless told otherwise. */
  code?: number;
  now?: () => number;
}): Realtime {
  const connections = options.connections ?? createConnectionRegistry(options);
  const now = options.now ?? Date.now;
  const code = options.code ?? unauthorized;

  /** Evicts every one, even when some fail; then reports the first failure, if any. */
  async function evictAll(records: readonly ConnectionRecord[], reason: string): Promise<number> {
    const results = await Promise.allSettled(records.map((r) => options.sync.evict({ connectionId: r.connectionId, code, reason })));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return records.length;
  }

  return {
    async evictUser({ userId, sessionId, reason }) {
      const records = await connections.listByUser({ userId, now: now() });
      return evictAll(sessionId === undefined ? records : records.filter((r) => r.sessionId === sessionId), reason);
    },
    async evictDocument({ docId, reason }) {
      return evictAll(await connections.listForDocument({ docId, now: now() }), reason);
    },
  };
}
