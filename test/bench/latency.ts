/**
 * Keystroke latency: N editors of one statement type one character at a time at a human pace;
 * each insert's arrival at every other editor is timed. Run against our host and each peer in
 * turn, in the same run, so the ratio cancels out this machine's mood.
 */
import { clientFactory } from './clients.ts';
import { benchConfig, keysPerEditor } from './config.ts';
import { cpuSpent, processCpu } from './process-cpu.ts';
import type { ServerHandle } from './servers/server-handle.ts';
import { percentile, round, sleep } from './stats.ts';
import { typeTogether } from './typing.ts';

export interface LatencyRun {
  server: string;
  editors: number;
  p50: number;
  p99: number;
  samples: number;
  missing: number;
  converged: boolean;
  /** The server's CPU per insert typed (warm-up included), all threads and the event loop's; NaN without /proc. */
  cpuMsPerKey: number;
  mainCpuMsPerKey: number;
}

export async function measureLatency(input: { server: ServerHandle; editors: number; seed: number; relayAwareness?: boolean; label?: string }): Promise<LatencyRun> {
  const { server, editors } = input;
  const factory = clientFactory(server, { relayAwareness: input.relayAwareness });
  const docId = `stmt_latency${editors}_${input.seed}`;
  const clients = Array.from({ length: editors }, (_, i) => factory.open({ docId, name: `editor${i}` }));
  try {
    await Promise.all(clients.map((c) => c.synced()));
    const before = processCpu(server.pid);
    const result = await typeTogether({
      clients,
      keysPerSecond: keysPerEditor(editors),
      durationMs: benchConfig.latency.durationMs,
      warmupMs: benchConfig.latency.warmupMs,
      seed: input.seed,
    });
    const cpu = cpuSpent(before, processCpu(server.pid));
    const perKey = (ms: number | undefined) => (ms === undefined || result.inserts === 0 ? Number.NaN : round(ms / result.inserts));
    return {
      server: input.label ?? (input.relayAwareness === true && server.kind === 'concord' ? 'concord-relaying' : server.kind),
      editors,
      p50: round(percentile(result.latencies, 50)),
      p99: round(percentile(result.latencies, 99)),
      samples: result.latencies.length,
      missing: result.expectedDeliveries - result.deliveries,
      converged: result.converged,
      cpuMsPerKey: perKey(cpu?.totalMs),
      mainCpuMsPerKey: perKey(cpu?.mainMs),
    };
  } finally {
    clients.forEach((c) => c.destroy());
    factory.close();
    await sleep(500);
  }
}

/** Results keys: `latency.<n>.<server>.p50`, `latency.<n>.p50.ratio` (ours ÷ peer) and so on. */
export function latencyMetrics(runs: readonly LatencyRun[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const run of runs) {
    metrics[`latency.${run.editors}.${run.server}.p50Ms`] = run.p50;
    metrics[`latency.${run.editors}.${run.server}.p99Ms`] = run.p99;
    if (Number.isFinite(run.cpuMsPerKey)) {
      metrics[`latency.${run.editors}.${run.server}.cpuMsPerKey`] = run.cpuMsPerKey;
      metrics[`latency.${run.editors}.${run.server}.mainCpuMsPerKey`] = run.mainCpuMsPerKey;
    }
  }
  for (const ours of runs.filter((r) => r.server === 'concord')) {
    for (const peer of runs.filter((r) => r.editors === ours.editors && r.server !== 'concord' && !r.server.startsWith('concord-'))) {
      const suffix = peer.server === 'y-websocket' ? '' : `.${peer.server}`;
      metrics[`latency.${ours.editors}.p50.ratio${suffix}`] = round(ours.p50 / peer.p50, 2);
      metrics[`latency.${ours.editors}.p99.ratio${suffix}`] = round(ours.p99 / peer.p99, 2);
      // What a keystroke costs the server, ours ÷ the peer's: every thread, then the event loop alone.
      if (Number.isFinite(ours.cpuMsPerKey) && Number.isFinite(peer.cpuMsPerKey)) {
        metrics[`latency.${ours.editors}.cpu.ratio${suffix}`] = round(ours.cpuMsPerKey / peer.cpuMsPerKey, 2);
        metrics[`latency.${ours.editors}.cpu.main.ratio${suffix}`] = round(ours.mainCpuMsPerKey / peer.mainCpuMsPerKey, 2);
      }
    }
  }
  // The Lambda-shaped adapters (registry in DynamoDB) beside the same reference.
  for (const aws of runs.filter((r) => r.server === 'concord-aws')) {
    const peer = runs.find((r) => r.editors === aws.editors && r.server === 'y-websocket');
    if (!peer) continue;
    metrics[`latency.${aws.editors}.aws.p50.ratio`] = round(aws.p50 / peer.p50, 2);
    metrics[`latency.${aws.editors}.aws.p99.ratio`] = round(aws.p99 / peer.p99, 2);
  }
  return metrics;
}
