/**
 * Editors in Node for every server the bench measures, behind one interface:
 * - concord: y-websocket through our gateway socket (base64 text frames, chunking) with a fresh
 *   single-use ticket per connect, issued straight into the host's store as the web app would;
 * - y-websocket: the same y-websocket provider, straight to `@y/websocket-server`;
 * - hocuspocus: Hocuspocus' own provider.
 */
import { sendOwnAwarenessOnly } from '@concord/sync/own-awareness';
import { createGatewaySocket } from '@concord/sync/client';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { testPrincipal } from '../support/clients.ts';
import { createTicketIssuer } from '../support/ticket-issuer.ts';
import type { ServerHandle, ServerKind } from './servers/server-handle.ts';

export interface BenchClient {
  readonly doc: Y.Doc;
  /**
   * Where the editor types: the text of the statement's first paragraph (the editor's schema, as
   * the server's guard requires), made on first use when the document has none.
   */
  readonly text: Y.Text;
  /**
   * The first paragraph's text without making one: a reader must never write (a paragraph it made
   * would be refused by the server, and could sort before the writer's and hide it).
   */
  readText(): string;
  readonly awareness: Awareness;
  /** Resolves once the client holds the server's state (first sync). */
  synced(): Promise<void>;
  /** Times the client's socket closed or errored (a healthy run has none). */
  errors(): number;
  destroy(): void;
}

export interface ClientFactory {
  kind: ServerKind;
  open(input: { docId: string; name: string; access?: 'read' | 'write' }): BenchClient;
  /**
   * What a person has done before they open a statement: signed in (our hub's session). A
   * reconnecting crowd is already signed in, so the scale suite does this before its clock starts.
   */
  signIn(input: { name: string; access?: 'read' | 'write' }): Promise<void>;
  close(): void;
}

export interface ClientOptions {
  /**
   * Our clients send only their own awareness entry, as the product's browsers do
   * (`sendOwnAwarenessOnly`). `true` leaves y-websocket's stock provider, which re-sends every
   * awareness change it receives, other people's included (the server ignores those relays):
   * kept to show what that costs, labelled `concord-relaying`.
   */
  relayAwareness?: boolean;
}

/** What a client needs of a server: plain data, so a client process can be handed it too. */
export type ServerAddress = Pick<ServerHandle, 'kind' | 'url' | 'dynamoEndpoint'>;

export function clientFactory(server: ServerAddress, options: ClientOptions = {}): ClientFactory {
  if (server.kind === 'concord') return concordClients(server, options);
  if (server.kind === 'hocuspocus') return hocuspocusClients(server);
  return yWebsocketClients(server);
}

function concordClients(server: ServerAddress, options: ClientOptions): ClientFactory {
  const tickets = createTicketIssuer({ dynamoEndpoint: server.dynamoEndpoint });
  const wsBase = `${server.url.replace(/^http/, 'ws')}/ws`;
  const principalOf = (name: string, access: 'read' | 'write') => testPrincipal(name, access === 'write' ? 'member' : 'observer');
  return {
    kind: 'concord',
    signIn: ({ name, access = 'write' }) => tickets.signIn(principalOf(name, access)),
    open({ docId, name, access = 'write' }) {
      const principal = principalOf(name, access);
      const getUrl = async () => {
        const ticket = await tickets.issue({ principal, docId, access });
        return `${wsBase}?${new URLSearchParams({ doc: docId, ticket })}`;
      };
      const GatewaySocket = createGatewaySocket({ getUrl, WebSocket: WebSocket as never });
      const client = yWebsocketClient({ docId, name, url: 'ws://unused', WebSocketPolyfill: GatewaySocket });
      if (options.relayAwareness !== true) sendOwnAwarenessOnly(client.provider);
      return client;
    },
    close: () => tickets.close(),
  };
}

function yWebsocketClients(server: ServerAddress): ClientFactory {
  return {
    kind: 'y-websocket',
    open: ({ docId, name }) => yWebsocketClient({ docId, name, url: server.url, WebSocketPolyfill: WebSocket }),
    signIn: async () => {},
    close: () => {},
  };
}

function yWebsocketClient(input: { docId: string; name: string; url: string; WebSocketPolyfill: unknown }): BenchClient & { provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(input.url, input.docId, doc, {
    disableBc: true,
    maxBackoffTime: 1_000,
    WebSocketPolyfill: input.WebSocketPolyfill as typeof globalThis.WebSocket,
  });
  provider.awareness.setLocalStateField('user', { name: input.name, organisation: `Organisation ${input.name}` });
  let errors = 0;
  provider.on('connection-close', () => void (provider.shouldConnect && (errors += 1)));
  provider.on('connection-error', () => void (errors += 1));
  return {
    doc,
    provider,
    get text() {
      return paragraphText(doc);
    },
    readText: () => existingText(doc)?.toString() ?? '',
    awareness: provider.awareness,
    synced: () => (provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', (s: boolean) => s && resolve()))),
    errors: () => errors,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function hocuspocusClients(server: ServerAddress): ClientFactory {
  return {
    kind: 'hocuspocus',
    open({ docId, name }) {
      const doc = new Y.Doc();
      let errors = 0;
      const provider = new HocuspocusProvider({
        url: server.url,
        name: docId,
        document: doc,
        WebSocketPolyfill: WebSocket,
        onClose: () => void (errors += 1),
      } as ConstructorParameters<typeof HocuspocusProvider>[0]);
      provider.setAwarenessField('user', { name, organisation: `Organisation ${name}` });
      let destroyed = false;
      return {
        doc,
        get text() {
          return paragraphText(doc);
        },
        readText: () => existingText(doc)?.toString() ?? '',
        awareness: provider.awareness!,
        synced: () =>
          provider.isSynced ? Promise.resolve() : new Promise((resolve) => provider.on('synced', ({ state }: { state: boolean }) => state && resolve())),
        errors: () => (destroyed ? 0 : errors),
        destroy() {
          destroyed = true;
          provider.destroy();
          doc.destroy();
        },
      };
    },
    signIn: async () => {},
    close: () => {},
  };
}

/** The first paragraph's text in the editor's root (`default`), or null when there is none. */
function existingText(doc: Y.Doc): Y.XmlText | null {
  const first = doc.getXmlFragment('default').get(0);
  const text = first instanceof Y.XmlElement ? first.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

/** The first paragraph's text in the editor's root (`default`), made when there is none. */
function paragraphText(doc: Y.Doc): Y.XmlText {
  const existing = existingText(doc);
  if (existing) return existing;
  const root = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  root.insert(0, [paragraph]);
  return text;
}
