/**
 * Our side of every benchmark: the local host (`startLocalHost`, the same handlers Lambda runs)
 * with dynalite persisted on disk as `pnpm start` has it, every update written before fan-out.
 * With `countDynamo`, DynamoDB traffic goes through the counting proxy; invocations of the
 * realtime handlers ($connect, $default, $disconnect) are always counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDynamo } from '@concord/data';
import { readConfig } from '@concord/functions/local/config';
import { startLocalHost } from '@concord/functions/local/host';
import type { RealtimeHandlers } from '@concord/functions/realtime';
import { emptyDynamoCounts, startDynamoProxy, type DynamoCounts } from '../ddb-proxy.ts';

export interface InvocationCounts {
  connect: number;
  message: number;
  disconnect: number;
  /** Frames posted to clients: API Gateway's outbound messages. */
  posts: number;
}

export interface ConcordServer {
  url: string;
  /** dynalite itself (not the proxy): tickets and table reads by the bench are not counted. */
  dynamoEndpoint: string;
  counts(): { dynamo: DynamoCounts; invocations: InvocationCounts };
  reset(): void;
  close(): Promise<void>;
}

function countingHandlers(handlers: RealtimeHandlers, counts: InvocationCounts): RealtimeHandlers {
  return {
    // The $connect authorizer is an invocation of its own on AWS: counted with the connect.
    authorize: (event) => ((counts.connect += 1), handlers.authorize(event)),
    connect: (event) => ((counts.connect += 1), handlers.connect(event)),
    message: (event) => ((counts.message += 1), handlers.message(event)),
    disconnect: (event) => ((counts.disconnect += 1), handlers.disconnect(event)),
    // The local gateway's budget check at arrival; in AWS it is part of the message's invocation.
    arrived: (event) => handlers.arrived(event),
  };
}

export async function startConcordServer(input: { countDynamo: boolean; onDisk: boolean; budget?: boolean; adapters?: 'local' | 'aws' }): Promise<ConcordServer> {
  const dir = input.onDisk ? mkdtempSync(join(tmpdir(), 'concord-bench-')) : null;
  // On a worker thread of the server's process, as the local host runs its own (host.ts).
  const dynamo = await startEmbeddedDynamo({ path: dir ? join(dir, 'dynalite') : null, thread: true });
  const proxy = input.countDynamo ? await startDynamoProxy({ target: dynamo.endpoint }) : null;
  const invocations: InvocationCounts = { connect: 0, message: 0, disconnect: 0, posts: 0 };
  const host = await startLocalHost({
    // The host's own reading of its environment, so settings added later get their defaults.
    config: readConfig({
      env: {
        HOST: '127.0.0.1',
        PORT: '0',
        CONCORD_DATA_DIR: ':memory:',
        DYNAMODB_ENDPOINT: proxy?.endpoint ?? dynamo.endpoint,
        CONCORD_SEED: '0',
        CONCORD_WEB: '0',
        // A/B switches for one run of the bench; the defaults are what `pnpm start` runs.
        CONCORD_SCHEMA_GUARD: process.env.CONCORD_SCHEMA_GUARD,
        // dynalite is this process's own, as the embedded store is `pnpm start`'s (config.ts).
        CONCORD_STORE_OWNED: process.env.CONCORD_STORE_OWNED ?? '1',
        CONCORD_REALTIME_ADAPTERS: input.adapters ?? process.env.CONCORD_REALTIME_ADAPTERS,
        // The large-document suite replays a whole history through one connection.
        CONCORD_CONNECTION_BUDGET: input.budget === false ? '0' : undefined,
      },
      root: process.cwd(),
      webBuilt: false,
    }),
    instrument: { realtime: (handlers) => countingHandlers(handlers, invocations), onPost: () => void (invocations.posts += 1) },
  });
  return {
    url: host.url,
    dynamoEndpoint: dynamo.endpoint,
    counts: () => ({ dynamo: structuredClone(proxy?.counts ?? emptyDynamoCounts()), invocations: { ...invocations } }),
    reset() {
      if (proxy) Object.assign(proxy.counts, emptyDynamoCounts());
      Object.assign(invocations, { connect: 0, message: 0, disconnect: 0, posts: 0 });
    },
    async close() {
      await host.close();
      await proxy?.close();
      await dynamo.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
