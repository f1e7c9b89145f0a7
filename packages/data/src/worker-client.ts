/**
 * A document client whose commands run on the embedded store's worker thread, by the SDK client
 * there (embedded-worker.cjs): the same SDK builds, serialises, sends and parses every request,
 * but not on this process's event loop. The profiler put the SDK at 35–45 % of the local host's
 * main thread (middleware resolved per send, endpoint resolution, schema serde), against a few
 * microseconds to post a command's input and receive its output. Only for a store this process
 * started on a worker (`startEmbeddedDynamo({ thread: true })`); everywhere else — AWS, another
 * process's dynalite, the tests' own clients — `createDynamoClient` returns the SDK's client.
 *
 * What it offers of `DynamoDBDocumentClient` is what Concord uses: `send` (commands of
 * `@aws-sdk/lib-dynamodb` and `@aws-sdk/client-dynamodb`), `middlewareStack.add` at the
 * `initialize` step (request counters and test hooks see each command's name and input),
 * `config.endpoint` (the store's key) and `destroy`. Errors come back as the SDK's own classes,
 * found by name, so `instanceof ConditionalCheckFailedException` holds.
 */
import * as base from '@aws-sdk/client-dynamodb';
import * as lib from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CommandResult, WorkerCommand } from './embedded-transport.ts';

type Middleware = (next: (args: { input: unknown }) => Promise<unknown>, context: { commandName?: string; clientName?: string }) => (args: { input: unknown }) => Promise<unknown>;

/** Each command class's package and export name (export names survive bundling; class names may not). */
const commandNames = new Map<unknown, { module: WorkerCommand['module']; name: string }>();
for (const [module, exports] of [['base', base], ['lib', lib]] as const) {
  for (const [name, value] of Object.entries(exports)) if (name.endsWith('Command') && typeof value === 'function') commandNames.set(value, { module, name });
}

export function createWorkerClient(input: { endpoint: string; run: (command: WorkerCommand) => Promise<CommandResult> }): DynamoDBDocumentClient {
  const url = new URL(input.endpoint);
  const middlewares: Middleware[] = [];

  async function run(command: { input: unknown; constructor: unknown }): Promise<unknown> {
    const named = commandNames.get(command.constructor);
    if (!named) throw new Error('this client runs the commands of @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb only');
    const result = await input.run({ ...named, input: command.input });
    if (result.error) throw errorFrom(result.error);
    return result.output;
  }

  const client = {
    async send(command: { input: unknown; constructor: unknown; clientCommand?: { constructor: unknown } }) {
      // The name the SDK's own middleware sees: the low-level command's (`PutItemCommand` for `PutCommand`).
      const commandName = commandNames.get(command.clientCommand?.constructor ?? command.constructor)?.name;
      let handler = (args: { input: unknown }) => run({ input: args.input, constructor: command.constructor });
      for (const middleware of [...middlewares].reverse()) handler = middleware(handler, { commandName, clientName: 'DynamoDBClient' });
      return handler({ input: command.input });
    },
    middlewareStack: {
      add(middleware: Middleware, options?: { step?: string }) {
        if (options?.step && options.step !== 'initialize') throw new Error('only initialize-step middleware runs before a command goes to the worker');
        middlewares.push(middleware);
      },
    },
    config: {
      endpoint: async () => ({ hostname: url.hostname, port: Number(url.port), path: url.pathname }),
    },
    destroy() {},
  };
  return client as unknown as DynamoDBDocumentClient;
}

/** The SDK's exception class for `name` (so `instanceof` checks hold), else a plain Error of that name. */
function errorFrom(data: NonNullable<CommandResult['error']>): Error {
  const Exception = (base as Record<string, unknown>)[data.name];
  const error =
    typeof Exception === 'function' && Exception.prototype instanceof Error
      ? (new (Exception as new (options: Record<string, unknown>) => Error)({ ...data.fields, message: data.message }))
      : Object.assign(new Error(data.message), { name: data.name });
  return Object.assign(error, data.fields, { message: data.message });
}
