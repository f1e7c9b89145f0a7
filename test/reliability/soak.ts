/**
 * `pnpm soak`: the long versions of the reliability suites, not part of `pnpm test`.
 *
 * 1. 50 editors type for 10 minutes through the local host (CONCORD_SOAK_EDITORS,
 *    CONCORD_SOAK_MINUTES): 0 errors expected, and the host's heap after a full collection is
 *    reported before and after (it should stay flat).
 * 2. Convergence under faults with 1,000 seeds (CONCORD_FAULT_SEEDS), the handler fuzzer with
 *    1,000,000 frames (CONCORD_FUZZ_RUNS × 20) and the host fuzzer with 20,000
 *    (CONCORD_FUZZ_HOST_FRAMES), through Vitest.
 *
 * Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { clientFactory } from '../bench/clients.ts';
import { keysPerEditor } from '../bench/config.ts';
import { startServer } from '../bench/servers/server-handle.ts';
import { percentile, round, sleep } from '../bench/stats.ts';
import { typeTogether } from '../bench/typing.ts';

const env = process.env;
const root = fileURLToPath(new URL('../../', import.meta.url));
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

async function typingSoak(): Promise<boolean> {
  const editors = Number(env.CONCORD_SOAK_EDITORS ?? 50);
  const minutes = Number(env.CONCORD_SOAK_MINUTES ?? 10);
  const server = await startServer({ kind: 'concord' });
  try {
    const factory = clientFactory(server);
    const clients = Array.from({ length: editors }, (_, i) => factory.open({ docId: 'stmt_soak', name: `soak${i}` }));
    await Promise.all(clients.map((c) => c.synced()));
    await sleep(2_000);
    const before = await server.memory();
    console.log(`[soak] ${editors} editors typing for ${minutes} min; host heap ${mb(before.heapUsed)} MB, rss ${mb(before.rss)} MB`);
    const result = await typeTogether({ clients, keysPerSecond: keysPerEditor(editors), durationMs: minutes * 60_000, warmupMs: 0, seed: 1 });
    const socketErrors = clients.reduce((n, c) => n + c.errors(), 0);
    clients.forEach((c) => c.destroy());
    factory.close();
    await sleep(5_000);
    const after = await server.memory();
    const errors = socketErrors + (result.expectedDeliveries - result.deliveries) + (result.converged ? 0 : 1);
    console.log(
      `[soak] ${result.inserts} inserts, ${errors} errors (${socketErrors} socket, ${result.expectedDeliveries - result.deliveries} undelivered, converged: ${result.converged}); ` +
        `p50 ${round(percentile(result.latencies, 50))} ms, p99 ${round(percentile(result.latencies, 99))} ms; ` +
        `host heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB, rss ${mb(before.rss)} → ${mb(after.rss)} MB`,
    );
    return errors === 0;
  } finally {
    await server.close();
  }
}

function longSuites(): boolean {
  const run = spawnSync(
    process.execPath,
    [`${root}node_modules/vitest/vitest.mjs`, 'run', '--project', 'integration', 'test/integration/fault-convergence.test.ts', 'test/integration/fuzz-handlers.test.ts', 'test/integration/fuzz-host.test.ts'],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...env,
        CONCORD_FAULT_SEEDS: env.CONCORD_FAULT_SEEDS ?? '1000',
        CONCORD_FUZZ_RUNS: env.CONCORD_FUZZ_RUNS ?? '50000',
        CONCORD_FUZZ_HOST_FRAMES: env.CONCORD_FUZZ_HOST_FRAMES ?? '20000',
      },
    },
  );
  return run.status === 0;
}

const typed = env.CONCORD_SOAK_SKIP_TYPING === '1' ? true : await typingSoak();
const suites = env.CONCORD_SOAK_SKIP_SUITES === '1' ? true : longSuites();
console.log(`[soak] typing: ${typed ? 'ok' : 'FAILED'}; seeds and fuzzers: ${suites ? 'ok' : 'FAILED'}`);
process.exit(typed && suites ? 0 : 1);
