import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A local host (`functions/src/local/main.ts`) running as a child process of the test. */
export interface LocalHost {
  /** `http://127.0.0.1:<port>` as the host printed it. */
  readonly url: string;
  /** Kills the process with `signal` and waits until it has exited. */
  stop(input?: { signal?: NodeJS.Signals }): Promise<void>;
}

/**
 * Starts a local host on `port` with its store in `dataDir`, seeding demo data on an empty store,
 * and resolves once it prints its "running" line. Starting again with the same port and
 * directory is a restart: the browser's reconnects find it where it was.
 */
export async function startLocalHost(input: { port: number; dataDir: string }): Promise<LocalHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(input.port),
      CONCORD_DATA_DIR: input.dataDir,
      CONCORD_SEED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = await waitForRunningLine({ child, output });
  return { url, stop: ({ signal = 'SIGTERM' } = {}) => stopChild({ child, signal }) };
}

async function waitForRunningLine(input: { child: ChildProcess; output: string[] }): Promise<string> {
  const { child, output } = input;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 60 s'), 60_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`local host ${why}:\n${output.join('')}`));
    };
    child.once('exit', (code, signal) => fail(`exited early (${code ?? signal})`));
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Concord is running at (http:\/\/\S+)/.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(match[1].replace(/\/$/, ''));
      }
    });
  });
}

async function stopChild(input: { child: ChildProcess; signal: NodeJS.Signals }): Promise<void> {
  const { child, signal } = input;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
