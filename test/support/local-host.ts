import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A local host (`functions/src/local/main.ts`) running as a child process of the test. */
export interface ChildHost {
  /** `http://127.0.0.1:<port>` as the host printed it. */
  readonly url: string;
  /** The embedded DynamoDB's endpoint as the host printed it (changes on every start). */
  readonly dynamoEndpoint: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** Kills the process with `signal` and waits until it has exited. */
  stop(input?: { signal?: NodeJS.Signals }): Promise<void>;
}

/**
 * Starts a local host on `port` with its store in `dataDir` and resolves once it prints its
 * "running" line. Starting again with the same port and directory is a restart: clients'
 * reconnects find it where it was.
 */
export async function startChildHost(input: {
  port: number;
  dataDir: string;
  seed?: boolean;
  web?: boolean;
  env?: Record<string, string>;
}): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(input.port),
      CONCORD_DATA_DIR: input.dataDir,
      CONCORD_SEED: input.seed === false ? '0' : '1',
      CONCORD_WEB: input.web === false ? '0' : '1',
      // The reliability suites type into a plain Y.Text, not a statement (see test-host.ts).
      CONCORD_SCHEMA_GUARD: input.web === false ? '0' : '1',
      ...input.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const { url, dynamoEndpoint } = await waitForRunningLine({ child, output });
  return {
    url,
    dynamoEndpoint,
    output: () => output.join(''),
    stop: ({ signal = 'SIGTERM' } = {}) => stopChild({ child, signal }),
  };
}

async function waitForRunningLine(input: { child: ChildProcess; output: string[] }) {
  const { child, output } = input;
  return new Promise<{ url: string; dynamoEndpoint: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 60 s'), 60_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`local host ${why}:\n${output.join('')}`));
    };
    child.once('exit', (code, signal) => fail(`exited early (${code ?? signal})`));
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const running = /Concord is running at (http:\/\/\S+)/.exec(text);
      if (!running?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const endpoint = /DynamoDB \(dynalite\) at (http:\/\/[^\s,]+)/.exec(text);
      resolve({ url: running[1].replace(/\/$/, ''), dynamoEndpoint: endpoint?.[1] ?? '' });
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
