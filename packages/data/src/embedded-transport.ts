/**
 * The SDK's requests to the embedded store, carried over the worker thread's message port
 * instead of HTTP over loopback TCP. Same requests, same answers — the SDK still builds, signs
 * and parses every one, and dynalite still handles it in full (`embedded-worker.cjs` hands it
 * dynalite's own request handler) — but no socket: the profiler found the HTTP writes alone at
 * about a tenth of the local host's CPU while typing (each `writev` on loopback also wakes the
 * worker), plus the HTTP parsing on both sides. Only this process's clients use it: others
 * (the bench's ticket issuer, a second host) still reach the worker's TCP port.
 *
 * Clients find the port by endpoint through a registry on `globalThis`, as the freeze fences
 * are found: the web app is a separate bundle with its own copy of this module.
 */
import type { Worker } from 'node:worker_threads';

/** What the SDK hands a request handler (the fields of `@smithy/protocol-http`'s HttpRequest used here). */
interface SdkRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface Reply {
  transport: 'response';
  id: number;
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A command's outcome from the worker's own SDK client (embedded-worker.cjs). */
export interface CommandResult {
  transport: 'result';
  id: number;
  output?: unknown;
  error?: { name: string; message: string; fields: Record<string, unknown> };
}

/** A command for the worker's SDK client: which package's command, its export name, its input. */
export interface WorkerCommand {
  module: 'lib' | 'base';
  name: string;
  input: unknown;
}

/** The SDK's HttpHandler, over a worker's message port. */
export interface PortHandler {
  handle(request: SdkRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Uint8Array } }>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

interface Transport {
  handler: PortHandler;
  /** Runs a command on the worker's SDK client. */
  run(command: WorkerCommand): Promise<CommandResult>;
}

const registryKey = Symbol.for('concord.embedded-dynamo-ports');

function registry(): Map<string, Transport> {
  const holder = globalThis as { [registryKey]?: Map<string, Transport> };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/** The handler for an embedded store started by this process at `endpoint`, if any. */
export function portHandlerFor(endpoint: string | undefined): PortHandler | undefined {
  return endpoint ? registry().get(endpoint)?.handler : undefined;
}

/** How to run commands on the SDK client of the embedded store's worker at `endpoint`, if this process started one. */
export function workerCommandsFor(endpoint: string | undefined): Transport['run'] | undefined {
  return endpoint ? registry().get(endpoint)?.run : undefined;
}

/** Carries requests for `endpoint` over `worker`'s port until the returned function is called. */
export function registerPortTransport(input: { endpoint: string; worker: Worker }): () => void {
  const { endpoint, worker } = input;
  const pending = new Map<number, { resolve: (reply: never) => void; reject: (error: Error) => void }>();
  let sequence = 0;
  let failure: Error | null = null;

  const onMessage = (message: Reply | CommandResult | unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const reply = message as Reply | CommandResult;
    if (reply.transport !== 'response' && reply.transport !== 'result') return;
    pending.get(reply.id)?.resolve(reply as never);
    pending.delete(reply.id);
  };
  const send = <T>(message: Record<string, unknown>): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = (sequence += 1);
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (reply: never) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };
  // A worker that died answers nothing more: every waiting request fails (the SDK retries, then throws).
  const onGone = (cause: unknown) => {
    failure = new Error(`the embedded store's worker stopped: ${String(cause)}`);
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };
  worker.on('message', onMessage);
  worker.on('error', onGone);
  worker.on('exit', onGone);

  const handler: PortHandler = {
    async handle(request) {
      const reply = await send<Reply>({ transport: 'request', method: request.method, url: urlOf(request), headers: request.headers, body: bodyOf(request.body) });
      return { response: { statusCode: reply.statusCode, headers: reply.headers, body: reply.body } };
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
    destroy: () => {},
  };
  const transport: Transport = { handler, run: (command) => send<CommandResult>({ transport: 'command', ...command }) };
  registry().set(endpoint, transport);
  return () => {
    if (registry().get(endpoint) === transport) registry().delete(endpoint);
    worker.off('message', onMessage);
    worker.off('error', onGone);
    worker.off('exit', onGone);
    onGone('closed');
  };
}

function urlOf(request: SdkRequest): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) query.append(key, one ?? '');
  }
  const search = query.toString();
  return search ? `${request.path}?${search}` : request.path;
}

function bodyOf(body: unknown): string | Uint8Array {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new Error('the embedded store takes string or byte bodies only (DynamoDB sends JSON)');
}
