/**
 * The DynamoDB document client every store and repository takes, and an optional request counter
 * for benchmarks.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { portHandlerFor, workerCommandsFor } from './embedded-transport.ts';
import { createWorkerClient } from './worker-client.ts';

/**
 * A document client. With `endpoint` (dynalite or any DynamoDB-compatible server) it uses dummy
 * static credentials and `region` (default `local`), so no AWS configuration is read. Without
 * one it uses the SDK's default chain (credentials and region from the environment, as in
 * Lambda). `undefined` attributes are dropped when writing, never sent as errors.
 */
export function createDynamoClient(input: { endpoint?: string; region?: string; sdkOnWorker?: boolean } = {}): DynamoDBDocumentClient {
  const { endpoint, region } = input;
  // An embedded store this process started on a worker: the SDK client there runs the commands.
  const onWorker = input.sdkOnWorker === false ? undefined : workerCommandsFor(endpoint);
  if (onWorker && endpoint) return createWorkerClient({ endpoint, run: onWorker });
  const portHandler = portHandlerFor(endpoint);
  const base = endpoint
    ? new DynamoDBClient({
        endpoint,
        region: region ?? 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        // An embedded store this process started on a worker: its message port, not TCP, and no
        // signature (dynalite checks only that one is there; SigV4's HMACs were 6 % of the
        // local host's CPU while typing).
        ...(portHandler ? { requestHandler: portHandler as never, httpAuthSchemes: [unsignedScheme] } : {}),
      })
    : new DynamoDBClient(region ? { region } : {});
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

/** The SigV4 scheme's identity with a signer that writes a well-formed header without computing it. */
const unsignedScheme = {
  schemeId: 'aws.auth#sigv4',
  identityProvider: (config: { getIdentityProvider(schemeId: string): unknown }) => config.getIdentityProvider('aws.auth#sigv4'),
  signer: {
    async sign(request: { headers: Record<string, string> }) {
      const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
      request.headers['x-amz-date'] = date;
      request.headers.authorization = `AWS4-HMAC-SHA256 Credential=local/${date.slice(0, 8)}/local/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=unsigned`;
      return request;
    },
  },
} as never;

/**
 * Names the store a client reaches — its endpoint and the table — or null on AWS (no endpoint of
 * our own). Every store instance in a process that reaches the same table gets the same key: the
 * freeze fences (`@concord/sync`'s freeze-fence.ts) and the local gateway's connections
 * (live-connections.ts) are found by it. A client without a config (a test's stand-in) has none.
 */
export async function storeKeyOf(client: DynamoDBDocumentClient, tableName: string): Promise<string | null> {
  const endpoint = (client.config as { endpoint?: () => Promise<{ hostname?: string; port?: number; path?: string }> } | undefined)?.endpoint;
  if (!endpoint) return null;
  const { hostname, port, path } = await endpoint();
  return `${hostname ?? ''}:${port ?? ''}${path ?? ''} ${tableName}`;
}

/** Requests sent through a client since `countRequests` was called (or since `reset`). */
export interface RequestCounts {
  /** Every command sent, retries of one command counted once. */
  requests: number;
  /** The same, by command name (`PutItemCommand`, `QueryCommand`, …). */
  byCommand: Record<string, number>;
  reset(): void;
}

let counterSerial = 0;

/**
 * Counts the commands `client` sends from now on (for benchmarks). Adds a middleware to the
 * client's stack: the counts cover every store sharing that client.
 */
export function countRequests(client: DynamoDBDocumentClient): RequestCounts {
  const counts: RequestCounts = {
    requests: 0,
    byCommand: {},
    reset() {
      counts.requests = 0;
      counts.byCommand = {};
    },
  };
  counterSerial += 1;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.requests += 1;
      counts.byCommand[name] = (counts.byCommand[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: `concordCountRequests${counterSerial}` },
  );
  return counts;
}
