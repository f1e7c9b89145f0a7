/**
 * The sync core's handlers over DynamoDB, for every process whose sync handlers write documents:
 * both hosts (functions/src/host-sync.ts adds a host's own adapters), the web app and the call
 * timer (a restored version, a translation paragraph marked current, an eviction, a notice). One
 * builder, so none of them can leave out the version hooks: a compaction any of them starts — a
 * server change can grow a tail past the limit — still makes its checkpoint.
 */
import { createChunkStore, createConnectionRegistry, createDocumentStore, createVersionStore, type createDynamoClient } from '@concord/data';
import { createSyncHandlers, type Gateway, type SyncDependencies, type SyncHandlers } from '@concord/sync';
import { createVersionService, versionHooks } from '@concord/versions';

export function createServerSync(
  input: { client: ReturnType<typeof createDynamoClient>; tableName: string; gateway: Gateway } & Partial<Omit<SyncDependencies, 'gateway' | 'afterCompaction' | 'beforeLargeDeletion'>>,
): SyncHandlers {
  const { client, tableName, ...rest } = input;
  const store = { client, tableName };
  const documents = input.documents ?? createDocumentStore(store);
  const versions = createVersionService({ documents, versions: createVersionStore(store) });
  return createSyncHandlers({
    connections: createConnectionRegistry(store),
    chunks: createChunkStore(store),
    ...rest,
    documents,
    ...versionHooks({ service: versions, ...(input.now ? { now: input.now } : {}) }),
  });
}
