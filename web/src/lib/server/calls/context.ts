/**
 * The call ports for the web app, built on first use from the hub's shared parts (`hub()` in
 * `context.ts`). Live editors are reached through the sync core over the gateway's management API.
 */
import { createNegotiationStore } from '@concord/data';
import type { CallPorts } from '@concord/calls/ports';
import { createCallPorts } from '@concord/data/call-wiring';
import { createNotificationStore, type NotificationStore } from '@concord/data/notifications';
import { hub } from '../context.ts';
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
  const { store, documents, versions } = hub();
  const sync = hub().sync();
  const ports = createCallPorts({
    ...store,
    auditKey: hub().auditKey(),
    text: createCallText({ versions, brackets: createNegotiationStore(store), documents }),
    live: { evictDocument: hub().realtime().evictDocument, notify: sync.notify },
    log: ({ code, error }) => console.warn(`[concord] ${code}`, error),
  });
  return { ports, notifications: createNotificationStore(store) };
}
