/**
 * Scale: one statement with a room of editors (200 by default), and many connections spread over
 * many statements (1,000 over 100). Everyone connects (at most 50 connecting at once), everyone
 * types now and then, and the run ends after a bounded time. Errors are connections that failed
 * or did not sync in time, socket closes during the run, inserts that never reached an editor,
 * and documents whose editors did not converge.
 */
import { clientFactory, type BenchClient, type ClientFactory } from './clients.ts';
import { benchConfig } from './config.ts';
import type { ServerHandle } from './servers/server-handle.ts';
import { inBatches, percentile, round, sleep } from './stats.ts';
import { typeTogether, type TypingResult } from './typing.ts';

export interface ScaleRun {
  server: string;
  connections: number;
  statements: number;
  errors: number;
  p50: number;
  p99: number;
  connectMs: number;
}

/** Keystrokes a second across the whole run: enough to load the server, not the client process. */
const totalKeysPerSecond = 40;

/** Connecting everyone gets this long in all; whoever has not synced by then is an error. */
const connectBudgetMs = 60_000;

async function connectAll(input: { factory: ClientFactory; docIds: string[]; perDoc: number }) {
  const rooms = input.docIds.map((docId) => ({ docId, clients: [] as BenchClient[] }));
  let failed = 0;
  const start = performance.now();
  const deadline = start + connectBudgetMs;
  const seats = rooms.flatMap((room) => Array.from({ length: input.perDoc }, (_, i) => ({ room, i })));
  await inBatches({
    items: seats,
    limit: 50,
    task: async ({ room, i }) => {
      const client = input.factory.open({ docId: room.docId, name: `${room.docId}e${i}` });
      room.clients.push(client);
      const left = Math.max(0, deadline - performance.now());
      const synced = await Promise.race([client.synced().then(() => true), sleep(left).then(() => false)]);
      if (!synced) failed += 1;
    },
  });
  return { rooms, failed, connectMs: performance.now() - start };
}

export async function measureScale(input: {
  server: ServerHandle;
  statements: number;
  perStatement: number;
  seed: number;
  /** true: our clients relay others' awareness as y-websocket's stock provider does (see ClientOptions); labelled `concord-relaying`. */
  relayAwareness?: boolean;
}): Promise<ScaleRun> {
  const { server, statements, perStatement } = input;
  const factory = clientFactory(server, { relayAwareness: input.relayAwareness });
  const docIds = Array.from({ length: statements }, (_, i) => `stmt_scale${statements}x${perStatement}_${i}`);
  const { rooms, failed, connectMs } = await connectAll({ factory, docIds, perDoc: perStatement });
  const everyone = rooms.flatMap((r) => r.clients);
  const errorsBefore = everyone.reduce((n, c) => n + c.errors(), 0);
  const keysPerSecond = totalKeysPerSecond / everyone.length;
  let results: TypingResult[];
  let socketErrors: number;
  try {
    results = await Promise.all(
      rooms.map((room, i) =>
        typeTogether({
          clients: room.clients,
          keysPerSecond,
          durationMs: benchConfig.scale.durationMs,
          warmupMs: 2_000,
          settleMs: 15_000,
          seed: input.seed + i,
        }),
      ),
    );
    socketErrors = everyone.reduce((n, c) => n + c.errors(), 0) - errorsBefore;
  } finally {
    everyone.forEach((c) => c.destroy());
    factory.close();
    await sleep(2_000);
  }
  const latencies = results.flatMap((r) => r.latencies);
  const missing = results.reduce((n, r) => n + (r.expectedDeliveries - r.deliveries), 0);
  const diverged = results.filter((r) => !r.converged).length;
  return {
    server: input.relayAwareness === true && server.kind === 'concord' ? 'concord-relaying' : server.kind,
    connections: everyone.length,
    statements,
    errors: failed + socketErrors + missing + diverged,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    connectMs: round(connectMs),
  };
}

export function scaleMetrics(runs: readonly ScaleRun[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  const label = (run: ScaleRun) => (run.statements === 1 ? 'room' : 'spread');
  for (const run of runs) {
    const prefix = run.server === 'concord' ? `scale.${label(run)}` : `scale.${label(run)}.${run.server}`;
    metrics[`${prefix}.errors`] = run.errors;
    metrics[`${prefix}.p50Ms`] = run.p50;
    metrics[`${prefix}.p99Ms`] = run.p99;
    metrics[`${prefix}.connectAllMs`] = run.connectMs;
  }
  const ours = runs.filter((r) => r.server === 'concord');
  metrics['scale.errors'] = ours.reduce((n, r) => n + r.errors, 0);
  // A run in which no insert arrived has no percentile: counted apart, not hidden in the maximum.
  const delivered = ours.filter((r) => Number.isFinite(r.p99));
  if (delivered.length > 0) metrics['scale.p99Ms'] = Math.max(...delivered.map((r) => r.p99));
  metrics['scale.runsWithNothingDelivered'] = ours.length - delivered.length;
  for (const run of ours) {
    const peer = runs.find((r) => r.server === 'y-websocket' && r.statements === run.statements && r.connections === run.connections);
    if (peer) metrics[`scale.${label(run)}.p99.ratio`] = round(run.p99 / peer.p99, 2);
  }
  return metrics;
}
