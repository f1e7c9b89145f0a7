/**
 * Benchmark sizes, from the environment so a quick run is one variable away
 * (`BENCH_QUICK=1 pnpm bench` shrinks everything). Defaults keep `pnpm bench` near 10 minutes
 * on a 2-core machine.
 */
import { availableParallelism } from 'node:os';

const env = process.env;
const quick = env.BENCH_QUICK === '1';
/** One per core, at least two (the point is more than one event loop) and at most four. */
const clientProcesses = Math.max(2, Math.min(4, availableParallelism()));

function int(name: string, full: number, small: number): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value > 0 ? value : quick ? small : full;
}

function list(name: string, full: number[], small: number[]): number[] {
  const value = env[name]?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 1);
  return value && value.length > 0 ? value : quick ? small : full;
}

export const benchConfig = {
  /** Which suites run: `latency,cost,large,scale,public,flood,browser` by default. */
  suites: (env.BENCH_SUITES ?? 'latency,cost,large,scale,public,flood,browser').split(',').map((s) => s.trim()),
  /** Peers measured beside us. */
  peers: (env.BENCH_PEERS ?? 'y-websocket,hocuspocus').split(',').map((s) => s.trim()).filter(Boolean),
  latency: {
    editors: list('BENCH_LATENCY_EDITORS', [2, 10, 50], [2, 10]),
    durationMs: int('BENCH_LATENCY_MS', 15_000, 5_000),
    warmupMs: 2_000,
    /** One person types about 5 characters a second; a big room is never all typing at once. */
    totalKeysPerSecond: int('BENCH_LATENCY_TOTAL_KPS', 100, 100),
    keysPerSecond: 5,
  },
  cost: {
    editors: int('BENCH_COST_EDITORS', 10, 4),
    updates: int('BENCH_COST_UPDATES', 2_000, 300),
  },
  large: {
    operations: int('BENCH_LARGE_OPS', 250_000, 25_000),
    /** Operations per update: a fast typist's client batches nothing, but replaying 250k messages would take minutes. */
    opsPerUpdate: int('BENCH_LARGE_OPS_PER_UPDATE', 25, 25),
    seed: int('BENCH_SEED', 7, 7),
  },
  public: {
    requests: int('BENCH_PUBLIC_REQUESTS', 500, 100),
  },
  /** Three delegates in Chromium, each typing at a person's pace (browser.ts). */
  browser: {
    durationMs: int('BENCH_BROWSER_MS', 15_000, 5_000),
    warmupMs: int('BENCH_BROWSER_WARMUP_MS', 2_000, 1_000),
    keysPerSecond: int('BENCH_BROWSER_KPS', 5, 5),
  },
  scale: {
    roomEditors: int('BENCH_SCALE_ROOM', 200, 40),
    connections: int('BENCH_SCALE_CONNECTIONS', 1_000, 100),
    statements: int('BENCH_SCALE_STATEMENTS', 100, 10),
    durationMs: int('BENCH_SCALE_MS', 15_000, 5_000),
    /** Processes the clients are spread over, so that the bench does not measure its own event loop. */
    processes: int('BENCH_SCALE_PROCESSES', clientProcesses, clientProcesses),
  },
} as const;

/** Keystrokes per second for each editor of a room of `editors`. */
export function keysPerEditor(editors: number): number {
  const { keysPerSecond, totalKeysPerSecond } = benchConfig.latency;
  return Math.min(keysPerSecond, totalKeysPerSecond / editors);
}
