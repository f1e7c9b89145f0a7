/** The bench's handle on a server running in a child process (`server-process.ts`). */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DynamoCounts } from '../ddb-proxy.ts';
import type { InvocationCounts } from './concord.ts';

export type ServerKind = 'concord' | 'y-websocket' | 'hocuspocus';

export interface ServerHandle {
  kind: ServerKind;
  url: string;
  dynamoEndpoint: string;
  /** Counts since start or the last reset (concord only; null for peers). */
  counts(): Promise<{ dynamo: DynamoCounts; invocations: InvocationCounts } | null>;
  reset(): Promise<void>;
  /** The server process's memory after a full garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  pid: number;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export async function startServer(input: { kind: ServerKind; flags?: string[] }): Promise<ServerHandle> {
  const child = fork(entry, [input.kind, ...(input.flags ?? [])], {
    execArgv: ['--import', 'tsx', '--no-warnings', '--expose-gc', ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; dynamoEndpoint?: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${input.kind} server exited early (${code})`)));
    child.on('message', (message: { ready?: { url: string; dynamoEndpoint?: string } }) => {
      if (message.ready) resolve(message.ready);
    });
  });
  child.removeAllListeners('exit');
  const call = ipc(child);
  return {
    kind: input.kind,
    url: ready.url,
    dynamoEndpoint: ready.dynamoEndpoint ?? '',
    pid: child.pid ?? 0,
    counts: () => call('counts') as never,
    reset: async () => void (await call('reset')),
    memory: () => call('memory') as Promise<NodeJS.MemoryUsage>,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // A server still working through a backlog gets a few seconds, then is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await Promise.race([call('close').catch(() => {}), exited]);
      await exited;
      clearTimeout(timer);
    },
  };
}

function ipc(child: ChildProcess) {
  let sequence = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  child.on('message', (message: { id?: number; result?: unknown }) => {
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return (op: string) =>
    new Promise<unknown>((resolve, reject) => {
      sequence += 1;
      waiting.set(sequence, resolve);
      child.send({ id: sequence, op }, (error) => error && reject(error));
    });
}
