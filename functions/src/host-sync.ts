/**
 * The sync core as both hosts run it (Lambda: lambda.ts, the local host: local/host.ts): the
 * DynamoDB stores, and an automatic version checkpoint at each quiet moment the core reports
 * (a long tail compacted, the last writer gone — @concord/versions decides whether one is due).
 * One function, so the two hosts cannot drift apart.
 */
import { createChunkStore, createConnectionRegistry, createDocumentStore, createVersionStore, type createDynamoClient } from '@concord/data';
import { createSyncHandlers, type CompactionSettings, type ConnectionRegistry, type DocumentStore, type Gateway, type MergeState, type SyncHandlers, type SyncLogEntry } from '@concord/sync';
import { createStatementGuard } from './statement-guard.ts';
import { checkpointAfterCompaction, createVersionService } from '@concord/versions';

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
  const versions = createVersionService({ documents, versions: createVersionStore(store) });
  return createSyncHandlers({
    documents,
    connections: input.connections ?? createConnectionRegistry(store),
    later: input.later,
    mergeState: input.mergeState,
    compaction: input.compaction,
    ...(input.schemaGuard === false ? {} : { guard: createStatementGuard({ cachedDocuments: input.guardDocuments }) }),
    ...(input.connectionBudget === false ? { budget: false as const } : {}),
    chunks: createChunkStore(store),
    gateway: input.gateway,
    afterCompaction: checkpointAfterCompaction({ service: versions, now: input.now }),
    // A wipe (select all, delete) is kept from: the text before it becomes a checkpoint first.
    beforeLargeDeletion: async ({ docId }) => void (await versions.checkpoint({ docId, reason: 'large-deletion', now: (input.now ?? Date.now)() })),
    log: input.log,
    now: input.now,
  });
}
