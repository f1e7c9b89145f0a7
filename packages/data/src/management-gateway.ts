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
 * `endpoint` is `https://<domain>/<stage>` of the WebSocket API. Credentials and region come
 * from the environment (Lambda) unless given.
 */
export function createManagementGateway(input: {
  endpoint: string;
  region?: string;
  credentials?: ApiGatewayManagementApiClientConfig['credentials'];
}): Gateway {
  const api = new ApiGatewayManagementApiClient({
    endpoint: input.endpoint,
    ...(input.region ? { region: input.region } : {}),
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

/** `GoneException`, recognised by name or status: bundlers may duplicate the SDK's classes. */
function isGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'GoneException' || status === 410;
}
