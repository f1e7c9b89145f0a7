/**
 * The sync handlers over the in-memory ports, a recording gateway, a fixed clock and counted ids:
 * what most handler tests start from. `overrides` replaces any dependency.
 */
import { createSyncHandlers, type SyncDependencies } from '../handlers.ts';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from '../memory/index.ts';
import { createRecordingGateway, principalFor, T0 } from './fixtures.ts';

export function createMemorySync(input: { docId: string; overrides?: Partial<SyncDependencies> }) {
  const documents = createMemoryDocumentStore();
  const gateway = createRecordingGateway();
  let ids = 0;
  const handlers = createSyncHandlers({
    documents,
    connections: createMemoryConnectionRegistry(),
    chunks: createMemoryChunkStore(),
    gateway,
    now: () => T0,
    newId: () => `id${(ids += 1)}`,
    ...input.overrides,
  });
  const connect = (connectionId: string, access: 'read' | 'write' = 'write') =>
    handlers.connect({ connectionId, docId: input.docId, principal: principalFor(connectionId), access });
  return { handlers, documents, gateway, connect };
}
