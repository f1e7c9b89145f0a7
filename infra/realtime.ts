import { table } from './storage.ts';

/**
 * The WebSocket API that carries the y-websocket protocol. Clients put the document id and a
 * single-use ticket in the query string (API Gateway refuses any path after the stage).
 */
export const realtime = new sst.aws.ApiGatewayWebSocket('Realtime');

/**
 * Linking the API to its own handlers grants them `execute-api:ManageConnections` on it (to
 * post updates and awareness to the other connections) and exposes its management endpoint.
 */
const handler = (name: 'connect' | 'disconnect' | 'default') => ({
  handler: `functions/src/lambda.${name}`,
  runtime: 'nodejs22.x' as const,
  link: [table, realtime],
  environment: { CONCORD_TABLE: table.name },
});

realtime.route('$connect', handler('connect'));
realtime.route('$disconnect', handler('disconnect'));
realtime.route('$default', handler('default'));
