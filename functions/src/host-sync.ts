/**
 * The sync core as both hosts run it (Lambda: lambda.ts, the local host: local/host.ts): what
 * every writer of documents has (`createServerSync`: the DynamoDB stores, the version hooks), plus
 * what only a host that takes client updates needs — the schema guard, budgets, where compaction
 * runs. One function, so the two hosts cannot drift apart.
 */
import { createDocumentStore, type createDynamoClient } from '@concord/data';
import { createServerSync } from '@concord/hub';
import type { CompactionSettings, ConnectionRegistry, DocumentStore, Gateway, MergeState, SyncHandlers, SyncLogEntry } from '@concord/sync';
import { createStatementGuard } from './statement-guard.ts';

export function createHostSync(input: {
  client: ReturnType<typeof createDynamoClient>;
  tableName: string;
  gateway: Gateway;
  /** The local host's (group commit, the freeze fence); a room-read store on DynamoDB by default. */
  documents?: DocumentStore;
  /** The local gateway's live registry; DynamoDB's (as on Lambda) by default. */
  connections?: ConnectionRegistry;
  /** How work beside the message path runs (compaction); awaited in the invocation by default, as Lambda must. */
  later?: (input: { key: string; task: () => Promise<void> }) => Promise<void>;
  /** Judge client updates against the editor's schema (default true; off only for test documents). */
  schemaGuard?: boolean;
  /** Documents the schema guard keeps built (statement-guard.ts; 64 by default, sized for a Lambda's memory). */
  guardDocuments?: number;
  /** Close connections over their budget of messages and bytes (default true). */
  connectionBudget?: boolean;
  /** Where compactions merge (the local host: a worker thread); in the invocation by default. */
  mergeState?: MergeState;
  /** When a tail is folded into a snapshot; the sync core's defaults (sized for DynamoDB's bill) otherwise. */
  compaction?: Partial<CompactionSettings>;
  log?: (entry: SyncLogEntry) => void;
  now?: () => number;
}): SyncHandlers {
  const store = { client: input.client, tableName: input.tableName };
  // Lambda's adapters: an append is one PutItem, the freeze checked by the room's Query after it.
  const documents = input.documents ?? createDocumentStore({ ...store, freezeCheck: 'room-read' });
  return createServerSync({
    ...store,
    documents,
    ...(input.connections ? { connections: input.connections } : {}),
    later: input.later,
    mergeState: input.mergeState,
    compaction: input.compaction,
    ...(input.schemaGuard === false ? {} : { guard: createStatementGuard({ cachedDocuments: input.guardDocuments }) }),
    ...(input.connectionBudget === false ? { budget: false as const } : {}),
    gateway: input.gateway,
    log: input.log,
    now: input.now,
  });
}
