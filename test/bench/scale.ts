/**
 * Scale: one statement with a room of editors (200 by default), and many connections spread over
 * many statements (1,000 over 100). The editors run in several client processes
 * (`BENCH_SCALE_PROCESSES`, scale-clients.ts), each statement's spread over all of them, so that
 * at this size the bench does not measure its own event loop. Everyone connects (at most 50
 * connecting at once), everyone types now and then, and the run ends after a bounded time.
 * Inserts and arrivals are stamped on one clock shared by the processes (`clock()`) and matched
 * here. Errors are connections that failed or did not sync in time, socket closes during the
 * run, inserts that never reached an editor, and documents whose editors did not converge.
 */
import type { ServerAddress } from './clients.ts';
import { benchConfig } from './config.ts';
import type { Seat } from './scale-clients-process.ts';
import { startClientProcesses, type ClientProcesses } from './scale-clients.ts';
import type { ServerHandle } from './servers/server-handle.ts';
import { clock, percentile, round, sleep } from './stats.ts';

export interface ScaleRun {
  server: string;
  connections: number;
  statements: number;
  errors: number;
  p50: number;
  p99: number;
  connectMs: number;
  /** Client processes, and how far apart their clocks were (ms). */
  processes: number;
  clockSkewMs: number;
}

/** Keystrokes a second across the whole run: enough to load the server, not the client processes. */
const totalKeysPerSecond = 40;

/** Connecting everyone gets this long in all; whoever has not synced by then is an error. */
const connectBudgetMs = 60_000;

/** After typing, how long deliveries and then convergence may each take. */
const settleMs = 15_000;

/** Statement `i`'s editors, dealt round the processes: most (insert, editor) pairs cross a process. */
function dealSeats(input: { statements: number; perStatement: number; seed: number; processes: number }): Seat[][] {
  const hands: Seat[][] = Array.from({ length: input.processes }, () => []);
  let dealt = 0;
  for (let i = 0; i < input.statements; i++) {
    const docId = `stmt_scale${input.statements}x${input.perStatement}_${i}`;
    for (let e = 0; e < input.perStatement; e++) hands[dealt++ % input.processes]!.push({ docId, name: `${docId}e${e}`, seed: (input.seed + i) * 1_000 + e });
  }
  return hands;
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
  const connections = statements * perStatement;
  const count = Math.min(benchConfig.scale.processes, connections);
  const hands = dealSeats({ ...input, processes: count });
  const address: ServerAddress = { kind: server.kind, url: server.url, dynamoEndpoint: server.dynamoEndpoint };
  const processes = await startClientProcesses({ count, server: address, relayAwareness: input.relayAwareness === true });
  try {
    const clockSkewMs = await processes.clockSkewMs();
    await processes.all((k) => ({ op: 'signIn', seats: hands[k]!, limit: Math.ceil(50 / count) }));
    const start = clock();
    const connected = await processes.all((k) => ({ op: 'connect', seats: hands[k]!, limit: Math.ceil(50 / count), deadline: start + connectBudgetMs }));
    const connectMs = clock() - start;
    const typed = await typeAndSettle({ processes, perStatement, keysPerSecond: totalKeysPerSecond / connections });
    const diverged = await divergedStatements(processes);
    const finished = await processes.all(() => ({ op: 'finish' }));
    const failed = connected.reduce((n, r) => n + r.failed, 0);
    const socketErrors = finished.reduce((n, r) => n + r.socketErrors, 0);
    return {
      server: input.relayAwareness === true && server.kind === 'concord' ? 'concord-relaying' : server.kind,
      connections,
      statements,
      errors: failed + socketErrors + typed.missing + diverged,
      p50: round(percentile(typed.latencies, 50)),
      p99: round(percentile(typed.latencies, 99)),
      connectMs: round(connectMs),
      processes: count,
      clockSkewMs: round(clockSkewMs),
    };
  } finally {
    await processes.close();
    await sleep(2_000);
  }
}

/** Everyone types at once for the run's duration; then each insert's arrivals are matched to it. */
async function typeAndSettle(input: { processes: ClientProcesses; perStatement: number; keysPerSecond: number }) {
  // A moment's notice so that every process starts typing at the same instant.
  const startAt = clock() + 500;
  const stopAt = startAt + benchConfig.scale.durationMs;
  const typed = (await input.processes.all(() => ({ op: 'type', keysPerSecond: input.keysPerSecond, startAt, stopAt, warmupMs: 2_000 }))).flat();
  const insertsByDoc: Record<string, string[]> = {};
  for (const [docId, key] of typed) (insertsByDoc[docId] ??= []).push(key);
  const arrivals = (await input.processes.all(() => ({ op: 'settle', insertsByDoc, settleMs }))).flat();
  const sent = new Map(typed.map(([docId, key, at, sampled]) => [`${docId} ${key}`, { at, sampled }]));
  const latencies: number[] = [];
  let deliveries = 0;
  for (const [docId, key, at] of arrivals) {
    const insert = sent.get(`${docId} ${key}`);
    if (!insert) continue;
    deliveries += 1;
    if (insert.sampled) latencies.push(at - insert.at);
  }
  return { latencies, missing: typed.length * (input.perStatement - 1) - deliveries };
}

/** Statements whose editors still hold different documents once `settleMs` has passed. */
async function divergedStatements(processes: ClientProcesses): Promise<number> {
  const deadline = clock() + settleMs;
  for (;;) {
    const digests = new Map<string, Set<string>>();
    for (const [docId, digest] of (await processes.all(() => ({ op: 'states' }))).flat()) {
      digests.set(docId, (digests.get(docId) ?? new Set()).add(digest));
    }
    const diverged = [...digests.values()].filter((d) => d.size > 1).length;
    if (diverged === 0 || clock() >= deadline) return diverged;
    await sleep(250);
  }
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
