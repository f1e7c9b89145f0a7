/**
 * The call ports for the web app, built on first use from the same environment as `context.ts`
 * (its own clients, so the shared composition root stays untouched while other work lands in
 * it). Live editors are reached through the sync core over the gateway's management API.
 */
import { env } from '$env/dynamic/private';
import { createConnectionRegistry, createDocumentStore, createDynamoClient, createNegotiationStore, createRealtime } from '@concord/data';
import type { CallPorts } from '@concord/data/call-ports';
import { createCallPorts } from '@concord/data/call-wiring';
import { createNotificationStore, type NotificationStore } from '@concord/data/notifications';
import { createVersionStore } from '@concord/data/version-store';
import { auditKeyFromEnv, syncFromEnv } from '../context.ts';
import { createCallText } from './text.ts';

export interface CallContext {
  ports: CallPorts;
  notifications: NotificationStore;
}

let context: CallContext | undefined;

export function callContext(): CallContext {
  context ??= build();
  return context;
}

function build(): CallContext {
  const client = createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT || undefined });
  const store = { client, tableName: env.CONCORD_TABLE || 'concord' };
  const documents = createDocumentStore(store);
  const connections = createConnectionRegistry(store);
  const sync = syncFromEnv({ store, documents });
  const realtime = createRealtime({ ...store, sync, connections });
  const ports = createCallPorts({
    ...store,
    auditKey: auditKeyFromEnv(),
    text: createCallText({ versions: createVersionStore(store), brackets: createNegotiationStore(store), documents }),
    live: { evictDocument: realtime.evictDocument, notify: sync.notify },
    log: ({ code, error }) => console.warn(`[concord] ${code}`, error),
  });
  return { ports, notifications: createNotificationStore(store) };
}
