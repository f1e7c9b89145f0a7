/**
 * Lambda entry points for the WebSocket API's routes (infra/realtime.ts): `connect`,
 * `disconnect`, and the module's default export for `$default`. The composition root on AWS:
 * the only place reading the Lambda environment.
 */
import { createManagementGateway, createSessions, createTickets } from '@concord/data';
import { createHubContext } from '@concord/hub';
import { decodeConnectionContext } from './connection-context.ts';
import { createHostSync } from './host-sync.ts';
import { createRealtimeHandlers, type GatewayEvent, type RealtimeHandlers } from './realtime.ts';

// The store as every process builds it; the management endpoint comes with each event (below).
const { client, tableName } = createHubContext(process.env).store;
const tickets = createTickets({ client, tableName });
const sessions = createSessions({ client, tableName });
const log = (entry: object) => console.error(JSON.stringify(entry, errorFields));

/** One set of handlers per management endpoint (the API's domain and stage), made on first use. */
const byEndpoint = new Map<string, RealtimeHandlers>();

function handlersFor(event: GatewayEvent): RealtimeHandlers {
  const { domainName, stage } = event.requestContext;
  const endpoint = `https://${domainName}/${stage}`;
  let handlers = byEndpoint.get(endpoint);
  if (!handlers) {
    const sync = createHostSync({ client, tableName, gateway: createManagementGateway({ endpoint }), log });
    handlers = createRealtimeHandlers({
      sync,
      redeemTicket: tickets.redeem,
      sessionAlive: async (id) => (await sessions.get(id)) !== null,
      log,
    });
    byEndpoint.set(endpoint, handlers);
  }
  return handlers;
}

function errorFields(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

/**
 * The `$connect` REQUEST authorizer (infra/realtime.ts): redeems the ticket and answers with an IAM
 * policy and the connection's context, which API Gateway hands to every later event of the
 * connection. A refused ticket is `Unauthorized` (API Gateway answers 401).
 */
export async function authorize(event: GatewayEvent & { methodArn: string }) {
  const authorization = await handlersFor(event).authorize(event);
  if (!authorization.allowed) throw new Error('Unauthorized');
  return {
    principalId: decodeConnectionContext(authorization.context)?.principal.userId ?? 'unknown',
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
    context: authorization.context,
  };
}

export const connect = (event: GatewayEvent) => handlersFor(event).connect(event);
export const disconnect = (event: GatewayEvent) => handlersFor(event).disconnect(event);
export default (event: GatewayEvent) => handlersFor(event).message(event);
