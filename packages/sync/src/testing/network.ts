/**
 * A seeded test network in the spirit of Yjs' own `testHelper`: writers and readers edit one
 * document through the real sync handlers while a seeded scheduler delivers frames in random
 * order, duplicates some, drops connections mid-flight, reconnects them, and runs compactions
 * concurrently with writes. Handlers run concurrently with each other, as Lambdas do: stores built
 * with `pause` from {@link NetworkRun} yield at their request boundaries, so interleavings vary.
 *
 * Used by the unit suite (in-memory stores) and the integration suite (dynalite).
 */
import type { Principal } from '@concord/core';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import type { CompactionSettings } from '../compaction.ts';
import { documentFrom } from '../document.ts';
import { createSyncHandlers, type SyncHandlers } from '../handlers.ts';
import type { ChunkStore, ConnectionRegistry, DocumentStore, Gateway } from '../ports.ts';
import { TestClient } from './test-client.ts';

export interface NetworkStores {
  documents: DocumentStore;
  connections: ConnectionRegistry;
  chunks: ChunkStore;
}

export interface NetworkOptions {
  seed: number;
  /** Builds the stores; `pause` should be awaited between a store's requests. */
  stores: (input: { pause: () => Promise<void> }) => NetworkStores;
  writers: number;
  readers: number;
  steps: number;
  compaction?: Partial<CompactionSettings>;
  docId?: string;
}

export interface NetworkResult {
  writers: TestClient[];
  readers: TestClient[];
  /** The document as the store holds it after everything settled. */
  stored: Y.Doc;
  /** Frames delivered twice, connections dropped, compactions started: proof the faults ran. */
  faults: { duplicated: number; dropped: number; compactions: number; largePastes: number };
  /** Close codes the server sent to writers (a writer is never expected to be closed). */
  writerCloses: number[];
}

const principalFor = (name: string, tier: Principal['tier']): Principal => ({
  userId: `usr_${name}`,
  userName: name,
  organisationId: `org_${name}`,
  organisationName: `Org ${name}`,
  coalitionId: 'coal_test',
  tier,
  isChair: false,
  roles: [],
});

export async function runSeededNetwork(options: NetworkOptions): Promise<NetworkResult> {
  const gen = prng.create(options.seed);
  const docId = options.docId ?? `stmt_net${options.seed}`;
  // Mostly short yields, sometimes long ones: long enough for other handlers to run whole
  // requests in between, which is where lost-update races hide.
  const pause = async () => {
    const ticks = prng.int32(gen, 0, 4) === 0 ? prng.int32(gen, 0, 40) : prng.int32(gen, 0, 3);
    for (let i = ticks; i > 0; i--) await Promise.resolve();
  };
  const stores = options.stores({ pause });
  const net = new Network(gen, stores, options.compaction);
  const writers = Array.from({ length: options.writers }, (_, i) => net.add(new TestClient(`w${i}`), 'write'));
  const readers = Array.from({ length: options.readers }, (_, i) => net.add(new TestClient(`r${i}`), 'read'));
  for (const client of [...writers, ...readers]) await net.reconnect(client, docId);
  for (let step = 0; step < options.steps; step++) {
    await net.step(docId);
    await pause();
  }
  await net.settle(docId);
  const stored = documentFrom(await stores.documents.load({ docId }));
  return { writers, readers, stored, faults: net.faults, writerCloses: net.writerCloses };
}

class Network {
  readonly handlers: SyncHandlers;
  readonly access = new Map<TestClient, 'read' | 'write'>();
  readonly byConnection = new Map<string, TestClient>();
  readonly inbound = new Map<string, string[]>();
  readonly inFlight = new Set<Promise<unknown>>();
  readonly faults = { duplicated: 0, dropped: 0, compactions: 0, largePastes: 0 };
  readonly writerCloses: number[] = [];
  #connections = 0;
  /** Simulated time: each step is 250 ms, so connect grace periods and leases do expire. */
  clock = Date.UTC(2026, 0, 1);

  constructor(
    readonly gen: prng.PRNG,
    stores: NetworkStores,
    compaction: Partial<CompactionSettings> | undefined,
  ) {
    let ids = 0;
    this.handlers = createSyncHandlers({
      ...stores,
      gateway: this.gateway(),
      compaction,
      newId: () => `n${(ids += 1)}`,
      now: () => this.clock,
    });
  }

  add(client: TestClient, access: 'read' | 'write'): TestClient {
    this.access.set(client, access);
    return client;
  }

  gateway(): Gateway {
    return {
      post: async ({ connectionId, frame }) => {
        const queue = this.inbound.get(connectionId);
        if (!queue) return 'gone';
        queue.push(frame);
        return 'ok';
      },
      close: async ({ connectionId, code }) => {
        const client = this.byConnection.get(connectionId);
        if (client && this.access.get(client) === 'write') this.writerCloses.push(code);
        this.drop(connectionId, code);
      },
    };
  }

  async reconnect(client: TestClient, docId: string): Promise<void> {
    const connectionId = `conn${(this.#connections += 1)}`;
    const name = client.name;
    const tier = this.access.get(client) === 'write' ? 'member' : 'observer';
    await this.handlers.connect({ connectionId, docId, principal: principalFor(name, tier), access: this.access.get(client)! });
    this.byConnection.set(connectionId, client);
    this.inbound.set(connectionId, []);
    client.opened(connectionId);
  }

  /** The socket is gone: in-flight frames are lost both ways; API Gateway then runs $disconnect. */
  drop(connectionId: string, code: number | null): void {
    const client = this.byConnection.get(connectionId);
    this.byConnection.delete(connectionId);
    this.inbound.delete(connectionId);
    if (client?.connectionId === connectionId) client.closed(code);
    this.track(this.handlers.disconnect({ connectionId }));
  }

  track(promise: Promise<unknown>): void {
    const tracked = promise.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async step(docId: string): Promise<void> {
    this.clock += 250;
    const roll = prng.int32(this.gen, 0, 99);
    const clients = [...this.access.keys()];
    const client = prng.oneOf(this.gen, clients);
    if (roll < 30) this.edit(client);
    else if (roll < 55) this.deliverToServer(client, true);
    else if (roll < 85) this.deliverToClient(client, true);
    else if (roll < 89 && client.connectionId) {
      this.faults.dropped += 1;
      this.drop(client.connectionId, null);
    } else if (roll < 95 && !client.connectionId) await this.reconnect(client, docId);
    else if (roll < 98) {
      this.faults.compactions += 1;
      this.track(this.handlers.compact({ docId }));
    }
  }

  edit(client: TestClient): void {
    const text = client.doc.getText('text');
    const roll = prng.int32(this.gen, 0, 199);
    if (roll === 0) {
      // Larger than one frame: travels as chunks, and pushes the tail over the byte threshold.
      this.faults.largePastes += 1;
      text.insert(prng.int32(this.gen, 0, text.length), `[${client.name}:${'x'.repeat(60_000)}]`);
    } else if (roll < 50 && text.length > 0) {
      const index = prng.int32(this.gen, 0, text.length - 1);
      text.delete(index, Math.min(prng.int32(this.gen, 1, 5), text.length - index));
    } else {
      text.insert(prng.int32(this.gen, 0, text.length), `${client.name}${prng.word(this.gen, 1, 4)} `);
    }
  }

  /** A random frame of the client's, in random order; sometimes delivered twice. */
  deliverToServer(client: TestClient, faulty: boolean): void {
    const connectionId = client.connectionId;
    if (!connectionId || client.outbound.length === 0) return;
    const index = faulty ? prng.int32(this.gen, 0, client.outbound.length - 1) : 0;
    const frame = client.outbound[index]!;
    const duplicate = faulty && prng.int32(this.gen, 0, 9) === 0;
    if (duplicate) this.faults.duplicated += 1;
    else client.outbound.splice(index, 1);
    this.track(this.handlers.message({ connectionId, frame }));
  }

  deliverToClient(client: TestClient, faulty: boolean): void {
    const queue = client.connectionId ? this.inbound.get(client.connectionId) : undefined;
    if (!queue || queue.length === 0) return;
    const index = faulty ? prng.int32(this.gen, 0, queue.length - 1) : 0;
    const [frame] = queue.splice(index, 1);
    client.receive(frame!);
  }

  /** Reconnects everyone, then delivers everything in order until nothing moves. */
  async settle(docId: string): Promise<void> {
    for (let round = 0; round < 10_000; round++) {
      await Promise.all([...this.inFlight]);
      for (const client of this.access.keys()) if (!client.connectionId) await this.reconnect(client, docId);
      let moved = false;
      for (const client of this.access.keys()) {
        while (client.outbound.length > 0) {
          moved = true;
          this.deliverToServer(client, false);
        }
        while ((this.inbound.get(client.connectionId ?? '')?.length ?? 0) > 0) {
          moved = true;
          this.deliverToClient(client, false);
        }
      }
      if (!moved && this.inFlight.size === 0) return;
    }
    throw new Error('the network did not settle');
  }
}
