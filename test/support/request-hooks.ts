/**
 * Hooks into a DynamoDB client's requests, for tests that need one exact interleaving (a load
 * stalled while a compaction commits) or a writer that dies half-way (a request that fails).
 */
import type { createDynamoClient } from '@concord/data';

type Client = ReturnType<typeof createDynamoClient>;

/** What a hook sees of a request: the command's name and its input as the caller built it. */
export interface RequestView {
  command: string;
  input: Record<string, unknown>;
}

let hooks = 0;

function addHook(input: { client: Client; hook: (request: RequestView) => Promise<void> }) {
  hooks += 1;
  input.client.middlewareStack.add(
    (next, context) => async (args) => {
      await input.hook({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: `testHook${hooks}` },
  );
}

/** True when one of the request's expression values is `value` (or starts with it, with `prefix`). */
export function mentions(request: RequestView, value: string, options: { prefix?: boolean } = {}): boolean {
  const values = Object.values((request.input.ExpressionAttributeValues ?? {}) as Record<string, unknown>);
  return values.some((v) => typeof v === 'string' && (options.prefix ? v.startsWith(value) : v === value));
}

/**
 * Holds the first request matching `when` until `release()`; `reached` resolves when it is held.
 * Later matching requests pass.
 */
export function holdRequest(input: { client: Client; when: (request: RequestView) => boolean }) {
  let reached!: () => void;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (reached = resolve));
  let armed = true;
  addHook({
    client: input.client,
    hook: async (request) => {
      if (!armed || !input.when(request)) return;
      armed = false;
      reached();
      await gate;
    },
  });
  return { reached: held, release };
}

/** Fails every request matching `when` after the first `allow` of them, as a crash would. */
export function failRequests(input: { client: Client; when: (request: RequestView) => boolean; allow?: number }) {
  let allowed = input.allow ?? 0;
  addHook({
    client: input.client,
    hook: async (request) => {
      if (!input.when(request)) return;
      if (allowed > 0) {
        allowed -= 1;
        return;
      }
      throw new Error(`test: ${request.command} failed on purpose`);
    },
  });
}

/** Every request the client sends from now on, in order (what a load reads, say). */
export function recordRequests(input: { client: Client }): RequestView[] {
  const requests: RequestView[] = [];
  addHook({ client: input.client, hook: async (request) => void requests.push(request) });
  return requests;
}
