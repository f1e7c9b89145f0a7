/**
 * The port implementations every contract suite runs over: in memory (`@concord/sync/memory`)
 * and DynamoDB on a fresh dynalite. Each factory is called inside a test; the dynalite one
 * registers its own teardown.
 */
import { createChunkStore, createConnectionRegistry, createDocumentStore } from '@concord/data';
import type { ChunkStore, ConnectionRegistry, DocumentStore } from '@concord/sync';
import { createMemoryChunkStore, createMemoryConnectionRegistry, createMemoryDocumentStore } from '@concord/sync/memory';
import { startDynalite } from './dynalite.ts';

export interface StoreFactory {
  name: 'memory' | 'dynalite' | 'dynalite, group commit' | 'dynalite on a worker, group commit';
  /** `jitterMs`: random delays at each step (per request on dynalite, per pause in memory). */
  documents(input?: { jitterMs?: number }): Promise<DocumentStore>;
  connections(): Promise<ConnectionRegistry>;
  chunks(input?: { ttlMs?: number }): Promise<ChunkStore>;
}

/** Yields to timers as well as microtasks, so concurrent in-memory calls really interleave. */
const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));
const jitter = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * ms));

export const storeFactories: StoreFactory[] = [
  {
    name: 'memory',
    documents: async (input = {}) => createMemoryDocumentStore({ pause: input.jitterMs ? jitter(input.jitterMs) : macrotask }),
    connections: async () => createMemoryConnectionRegistry({ pause: macrotask }),
    chunks: async (input = {}) => createMemoryChunkStore({ pause: macrotask, ...input }),
  },
  {
    name: 'dynalite',
    documents: async (input = {}) => createDocumentStore(await startDynalite(input)),
    connections: async () => createConnectionRegistry(await startDynalite()),
    chunks: async (input = {}) => createChunkStore({ ...(await startDynalite()), ...input }),
  },
  {
    // The local host's document store: one document's concurrent appends written together.
    name: 'dynalite, group commit',
    documents: async (input = {}) => createDocumentStore({ ...(await startDynalite(input)), groupCommit: true }),
    connections: async () => createConnectionRegistry(await startDynalite()),
    chunks: async (input = {}) => createChunkStore({ ...(await startDynalite()), ...input }),
  },
  {
    // Exactly the local host's: dynalite and the SDK client on a worker thread, commands posted to it.
    name: 'dynalite on a worker, group commit',
    documents: async (input = {}) => createDocumentStore({ ...(await startDynalite({ ...input, thread: true })), groupCommit: true }),
    connections: async () => createConnectionRegistry(await startDynalite({ thread: true })),
    chunks: async (input = {}) => createChunkStore({ ...(await startDynalite({ thread: true })), ...input }),
  },
];
