/**
 * The scale suite's client processes (scale-clients-process.ts), forked as the flood suite forks
 * its flooder: each holds a share of the editors, and the bench process only hands out work and
 * gathers what they saw.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerAddress } from './clients.ts';
import type { Replies, Request } from './scale-clients-process.ts';
import { clock } from './stats.ts';

const entry = fileURLToPath(new URL('./scale-clients-process.ts', import.meta.url));

export interface ClientProcesses {
  /** Sends process `k` the request `requestFor(k)`, all at once; their replies in order. */
  all<Op extends Request['op']>(requestFor: (k: number) => Extract<Request, { op: Op }>): Promise<Replies[Op][]>;
  /** How far the furthest process's `clock()` is from ours, in ms (from the quickest of a few round trips). */
  clockSkewMs(): Promise<number>;
  close(): Promise<void>;
}

export async function startClientProcesses(input: { count: number; server: ServerAddress; relayAwareness: boolean }): Promise<ClientProcesses> {
  const setup = JSON.stringify({ server: { kind: input.server.kind, url: input.server.url, dynamoEndpoint: input.server.dynamoEndpoint }, relayAwareness: input.relayAwareness });
  const children = Array.from({ length: input.count }, () =>
    fork(entry, [setup], { execArgv: ['--import', 'tsx', '--no-warnings'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const processes: ClientProcesses = {
    all: (requestFor) => Promise.all(children.map((child, k) => ask(child, requestFor(k)))) as never,
    clockSkewMs: async () => Math.max(...(await Promise.all(children.map(skew)))),
    async close() {
      const exits = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((resolve) => c.once('exit', resolve)));
      children.forEach((c) => c.connected && c.disconnect());
      const timer = setTimeout(() => children.forEach((c) => c.kill('SIGKILL')), 5_000);
      await Promise.all(exits);
      clearTimeout(timer);
    },
  };
  try {
    await Promise.all(children.map((child) => reply(child)));
  } catch (error) {
    await processes.close();
    throw error;
  }
  return processes;
}

/** The child's next message; an error if it exits first. */
function reply(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`a scale client process exited (${code})`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      resolve(message);
    });
  });
}

function ask(child: ChildProcess, request: Request): Promise<unknown> {
  const answered = reply(child);
  child.send(request);
  return answered;
}

async function skew(child: ChildProcess): Promise<number> {
  let best = { roundTrip: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const sent = clock();
    const theirs = (await ask(child, { op: 'clock' })) as number;
    const back = clock();
    if (back - sent < best.roundTrip) best = { roundTrip: back - sent, offset: theirs - (sent + back) / 2 };
  }
  return Math.abs(best.offset);
}
