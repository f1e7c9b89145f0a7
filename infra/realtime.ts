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

/**
 * The ticket is redeemed by a REQUEST authorizer on `$connect`; API Gateway passes what it returns
 * (the connection's identity and access) to every later event as `$context.authorizer`, so the
 * message handler never reads identity from the table. No caching: a ticket is single-use.
 */
const ticketAuthorizer = realtime.addAuthorizer('Ticket', {
  lambda: {
    function: { handler: 'functions/src/lambda.authorize', runtime: 'nodejs22.x', link: [table, realtime], environment: { CONCORD_TABLE: table.name } },
    identitySources: ['route.request.querystring.ticket', 'route.request.querystring.doc'],
  },
});

realtime.route('$connect', handler('connect'), { auth: { lambda: ticketAuthorizer.id } });
realtime.route('$disconnect', handler('disconnect'));
realtime.route('$default', handler('default'));
