/**
 * y-websocket editors for the reliability suites: like the browser's (gateway socket, a fresh
 * ticket per connect) but pointed at any address (a fault proxy in front of the host) and with
 * tickets for a live session from one shared issuer per store.
 */
import type { Principal } from '@concord/core';
import { createGatewaySocket } from '@concord/sync/client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createTicketIssuer, type TicketIssuer } from '../support/ticket-issuer.ts';

export interface Editor {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  readonly provider: WebsocketProvider;
  synced(): Promise<void>;
  /** Connected and synced with the server right now. */
  isLive(): boolean;
  destroy(): void;
}

const issuers = new Map<string, TicketIssuer>();

function issuerFor(dynamoEndpoint: string): TicketIssuer {
  let issuer = issuers.get(dynamoEndpoint);
  if (!issuer) {
    issuer = createTicketIssuer({ dynamoEndpoint });
    issuers.set(dynamoEndpoint, issuer);
  }
  return issuer;
}

/** Closes the shared ticket issuers (their DynamoDB clients); call when the suite ends. */
export function closeIssuers(): void {
  for (const issuer of issuers.values()) issuer.close();
  issuers.clear();
}

export function openEditor(input: {
  where: { url: string; dynamoEndpoint: string };
  docId: string;
  principal: Principal;
  access: 'read' | 'write';
}): Editor {
  const { where, docId, principal, access } = input;
  const getUrl = async () => {
    const ticket = await issuerFor(where.dynamoEndpoint).issue({ principal, docId, access });
    return `${where.url.replace(/^http/, 'ws')}/ws?${new URLSearchParams({ doc: docId, ticket })}`;
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://unused', docId, doc, {
    disableBc: true,
    maxBackoffTime: 300,
    WebSocketPolyfill: createGatewaySocket({ getUrl, WebSocket: WebSocket as never }) as unknown as typeof globalThis.WebSocket,
  });
  provider.awareness.setLocalStateField('user', { name: principal.userName, organisation: principal.organisationName });
  return {
    name: principal.userName,
    doc,
    text: doc.getText('text'),
    provider,
    synced: () => (provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', (s: boolean) => s && resolve()))),
    isLive: () => provider.wsconnected && provider.synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
