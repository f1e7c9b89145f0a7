/** dynalite in this process (or on a worker thread of it): the local host's DynamoDB and the integration tests'. */
import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { registerPortTransport } from './embedded-transport.ts';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

/**
 * The part of dynalite (CommonJS, untyped) used here. Declared locally rather than as an ambient
 * module so that packages compiling this source (web, functions, test) need no extra typings.
 */
type Dynalite = (options: { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;

export interface EmbeddedDynamo {
  /** `http://host:port`, for `createDynamoClient({ endpoint })`. */
  readonly endpoint: string;
  /** Stops the server and closes the store (flushing LevelDB); safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts dynalite with instant table state changes. `path` is a LevelDB directory (created when
 * missing) that keeps the data across restarts; `null` keeps it in memory. `port` 0 (the
 * default) picks a free port; `host` defaults to 127.0.0.1. `thread`: run it on a worker thread,
 * so its CPU (LevelDB, request parsing: about a third of the host's under load) does not delay
 * the caller's event loop; same latency, higher throughput (SYNC-NOTES, "Measured"). This
 * process's clients of it then run their commands on an SDK client in that worker too
 * (worker-client.ts).
 */
export async function startEmbeddedDynamo(input: { path: string | null; host?: string; port?: number; thread?: boolean }): Promise<EmbeddedDynamo> {
  const host = input.host ?? '127.0.0.1';
  if (input.path !== null) await mkdir(input.path, { recursive: true });
  if (input.thread) return startOnWorker({ path: input.path, host, port: input.port ?? 0 });
  const dynalite = require('dynalite') as Dynalite;
  const server = dynalite({
    ...(input.path === null ? {} : { path: input.path }),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    endpoint,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // SDK clients keep sockets alive; idle ones would hold `close` open until they time out.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

const closeWaitMs = 3_000;

async function startOnWorker(input: { path: string | null; host: string; port: number }): Promise<EmbeddedDynamo> {
  const worker = new Worker(new URL('./embedded-worker.cjs', import.meta.url), { workerData: input });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', function started(message: { port?: number; error?: string }) {
      if (message.error) reject(new Error(message.error));
      if (message.port === undefined) return;
      worker.off('message', started);
      resolve(message.port);
    });
  });
  const { host } = input;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // This process's clients of `endpoint` talk to the worker over its port, not TCP.
  const unregister = registerPortTransport({ endpoint, worker });
  let closing: Promise<void> | null = null;
  return {
    endpoint,
    close() {
      unregister();
      closing ??= new Promise<void>((resolve) => {
        worker.on('message', (message: { closed?: boolean }) => message.closed && resolve());
        worker.postMessage('close');
        // The worker's server.close waits for every socket to its port; one left open by a client
        // elsewhere held a test host's close for a minute (seen in cold integration runs). After
        // a bounded wait the worker is ended anyway: its writes have already been answered.
        setTimeout(resolve, closeWaitMs).unref();
      }).then(async () => void (await worker.terminate()));
      return closing;
    },
  };
}
