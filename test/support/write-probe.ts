/**
 * Tries to change a statement's text over a real websocket with a ticket the web app issued, the
 * way a browser would, and reports whether the change reached the store. A read-only connection's
 * write must be refused by the server, not merely hidden by the page.
 */
import { createDocumentStore, createDynamoClient } from '@concord/data';
import { documentFrom } from '@concord/sync';
import { createGatewaySocket } from '@concord/sync/client';
import { documentKindOf, translationTitle } from '@concord/text';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { eventually } from './clients.ts';

export async function tryToWrite(input: { ticketUrl: string; docId: string; dynamoEndpoint: string }): Promise<boolean> {
  const doc = new Y.Doc();
  let used = false;
  const GatewaySocket = createGatewaySocket({
    // One ticket, one attempt: a probe must not retry with a ticket it does not have.
    getUrl: async () => {
      if (used) throw new Error('the probe has one ticket');
      used = true;
      return input.ticketUrl;
    },
    WebSocket: WebSocket as never,
  });
  const provider = new WebsocketProvider('ws://unused', input.docId, doc, {
    disableBc: true,
    WebSocketPolyfill: GatewaySocket as unknown as typeof globalThis.WebSocket,
  });
  let refused = false;
  const handlers = provider.messageHandlers as unknown as ((...args: unknown[]) => void)[];
  const permissionDenied = handlers[2]!;
  handlers[2] = (...args) => {
    refused = true;
    permissionDenied(...args);
  };
  const store = createDocumentStore({ client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: 'concord' });
  const stored = async () => {
    const current = documentFrom(await store.load({ docId: input.docId }));
    return Y.decodeStateVector(Y.encodeStateVector(current)).has(doc.clientID);
  };
  try {
    await eventually(() => provider.synced, { timeoutMs: 10_000, describe: () => 'the probe never synced' });
    // A change the document's schema allows (the server refuses others before any access question).
    if (documentKindOf(input.docId) === 'translation') translationTitle(doc).insert(0, 'x');
    else doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    // Either the server says no, or the change shows up in the store.
    await eventually(async () => refused || (await stored()), { timeoutMs: 10_000, describe: () => 'neither refused nor stored' });
  } finally {
    provider.destroy();
  }
  return stored();
}
