/**
 * The sync `Gateway` over API Gateway's WebSocket management API: `PostToConnection` for a frame,
 * `DeleteConnection` to close. A 410 (`GoneException`) means the client is gone: 'gone' for a
 * post, nothing to do for a close. API Gateway cannot send a close code: the client saw the `e`
 * frame first.
 */
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  PostToConnectionCommand,
  type ApiGatewayManagementApiClientConfig,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { Gateway } from '@concord/sync/ports';

/**
 * `endpoint` is `https://<domain>/<stage>` of the WebSocket API. Credentials come from the
 * environment (Lambda) unless given; the region, unless given, from an `execute-api` host name,
 * `local` for a loopback endpoint (the local host's stand-in), else from the environment.
 */
export function createManagementGateway(input: {
  endpoint: string;
  region?: string;
  credentials?: ApiGatewayManagementApiClientConfig['credentials'];
}): Gateway {
  const region = input.region ?? regionOf(input.endpoint);
  const api = new ApiGatewayManagementApiClient({
    endpoint: input.endpoint,
    ...(region ? { region } : {}),
    ...(input.credentials ? { credentials: input.credentials } : {}),
  });
  const encoder = new TextEncoder();
  return {
    async post({ connectionId, frame }) {
      try {
        await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: encoder.encode(frame) }));
        return 'ok';
      } catch (error) {
        if (isGone(error)) return 'gone';
        throw error;
      }
    },
    async close({ connectionId }) {
      try {
        await api.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}

/** The region an endpoint names (`<api>.execute-api.<region>.amazonaws.com`), `local` on loopback, else undefined. */
export function regionOf(endpoint: string): string | undefined {
  const host = new URL(endpoint).hostname;
  const named = /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(host);
  if (named) return named[1];
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host) ? 'local' : undefined;
}

/** `GoneException`, recognised by name or status: bundlers may duplicate the SDK's classes. */
function isGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'GoneException' || status === 410;
}
