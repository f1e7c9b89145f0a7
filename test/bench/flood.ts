/**
 * A quiet editor beside a flooder (issue 12, item 7): two editors type at a human pace in one
 * statement while a third connection — another person's script — sends updates as fast as it
 * can, reconnecting with a fresh ticket at once each time it is closed or refused, for the whole
 * run. The quiet editors' latency with the flooder ÷ without it is what the connection budget and
 * its cooldown buy: it should barely move.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { clientFactory } from './clients.ts';
import { benchConfig } from './config.ts';
import type { ServerHandle } from './servers/server-handle.ts';
import { percentile, round, sleep } from './stats.ts';
import { typeTogether } from './typing.ts';

export async function measureFlood(input: { server: ServerHandle }): Promise<Record<string, number>> {
  const quiet = await quietLatency({ server: input.server, docId: 'stmt_flood_quiet', flood: false });
  const flooded = await quietLatency({ server: input.server, docId: 'stmt_flood_loud', flood: true });
  return {
    'flood.quiet.p50Ms': quiet.p50,
    'flood.quiet.p99Ms': quiet.p99,
    'flood.withFlooder.p50Ms': flooded.p50,
    'flood.withFlooder.p99Ms': flooded.p99,
    'flood.p99.ratio': round(flooded.p99 / quiet.p99, 2),
    'flood.flooderFrames': flooded.frames,
    'flood.flooderCloses': flooded.closes,
    'flood.flooderRefused': flooded.refused,
  };
}

async function quietLatency(input: { server: ServerHandle; docId: string; flood: boolean }) {
  const factory = clientFactory(input.server);
  const clients = [0, 1].map((i) => factory.open({ docId: input.docId, name: `quiet${i}` }));
  await Promise.all(clients.map((c) => c.synced()));
  const flooder = input.flood ? await forkFlooder({ url: input.server.url, dynamoEndpoint: input.server.dynamoEndpoint, docId: input.docId }) : null;
  try {
    const result = await typeTogether({ clients, keysPerSecond: 5, durationMs: benchConfig.latency.durationMs, warmupMs: 1_000, seed: 5 });
    return { p50: round(percentile(result.latencies, 50)), p99: round(percentile(result.latencies, 99)), ...((await flooder?.stop()) ?? { frames: 0, closes: 0, refused: 0 }) };
  } finally {
    await flooder?.stop();
    clients.forEach((c) => c.destroy());
    factory.close();
    await sleep(500);
  }
}

const flooderEntry = fileURLToPath(new URL('./flooder-process.ts', import.meta.url));

interface FlooderCounts {
  frames: number;
  closes: number;
  refused: number;
}

/**
 * The flooder in a process of its own, as an attacker's script is: building 200 updates a turn
 * in the bench's process would delay the quiet editors' own clients and measure the bench.
 */
async function forkFlooder(input: { url: string; dynamoEndpoint: string; docId: string }) {
  const child = fork(flooderEntry, [input.url, input.dynamoEndpoint, input.docId], { execArgv: ['--import', 'tsx', '--no-warnings'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the flooder exited early (${code})`)));
    child.once('message', () => resolve());
  });
  child.removeAllListeners('exit');
  let counts: Promise<FlooderCounts> | null = null;
  return {
    stop(): Promise<FlooderCounts> {
      counts ??= new Promise<FlooderCounts>((resolve) => {
        child.once('message', (message) => resolve(message as FlooderCounts));
        child.send('stop');
      });
      return counts;
    },
  };
}
