/**
 * y-websocket clients in Node that connect to a local host exactly as the browser does: through
 * the gateway socket (base64 text frames, chunking) with a fresh single-use ticket per attempt.
 * Tickets are issued straight into the host's store, standing in for the web app's endpoint.
 */
import type { Principal } from '@concord/core';
import { generateToken, hashToken } from '@concord/auth/tokens';
import { createDynamoClient, createSessions, createTickets } from '@concord/data';
import { decodeAwarenessUpdate } from '@concord/sync';
import { createGatewaySocket } from '@concord/sync/client';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export const testPrincipal = (name: string, tier: Principal['tier'] = 'member'): Principal => ({
  userId: `usr_${name}`,
  userName: name,
  organisationId: `org_${name}`,
  organisationName: `Organisation ${name}`,
  coalitionId: 'coal_test',
  tier,
  isChair: false,
  roles: [],
});

export interface TestEditor {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly text: Y.Text;
  /** Resolves once the provider synced with the server (again, after a reconnect). */
  synced(): Promise<void>;
  /**
   * Resolves once the server echoed an awareness change made now: everything this client sent
   * before was handled (the local host handles a connection's messages in order), and everything
   * the server sent it before the echo has arrived.
   */
  roundTrip(): Promise<void>;
  /** Permission-denied messages received. */
  refusals(): number;
  destroy(): void;
}

/**
 * A client of `docId` at the host whose HTTP URL and DynamoDB endpoint `where` returns (a
 * function, because a restarted child host has a new store endpoint).
 */
export function connectEditor(input: {
  where: () => { url: string; dynamoEndpoint: string };
  docId: string;
  principal: Principal;
  access: 'read' | 'write';
  tableName?: string;
}): TestEditor {
  const { docId, principal, access } = input;
  const getUrl = async () => {
    const { url, dynamoEndpoint } = input.where();
    const ticket = await issueTicket({ dynamoEndpoint, tableName: input.tableName, principal, docId, access });
    const query = new URLSearchParams({ doc: docId, ticket });
    return `${url.replace(/^http/, 'ws')}/ws?${query}`;
  };
  const doc = new Y.Doc();
  const GatewaySocket = createGatewaySocket({ getUrl, WebSocket: WebSocket as never });
  const provider = new WebsocketProvider('ws://unused', docId, doc, {
    disableBc: true,
    maxBackoffTime: 500,
    WebSocketPolyfill: GatewaySocket as unknown as typeof globalThis.WebSocket,
  });
  provider.awareness.setLocalStateField('user', { name: principal.userName, organisation: principal.organisationName });
  const seen = observeProvider(provider);
  return {
    doc,
    provider,
    text: doc.getText('text'),
    synced: () =>
      provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', (s: boolean) => s && resolve())),
    async roundTrip() {
      provider.awareness.setLocalStateField('ping', Date.now());
      const clock = provider.awareness.meta.get(doc.clientID)?.clock ?? 0;
      await eventually(() => seen.ownClock >= clock, { describe: () => `no echo of awareness clock ${clock}` });
    },
    refusals: () => seen.refusals,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * A ticket as the web app issues one: for a live session of the principal (made here, standing
 * in for signing in), since the gateway refuses tickets whose session has ended.
 */
export async function issueTicket(input: {
  dynamoEndpoint: string;
  tableName?: string | undefined;
  principal: Principal;
  docId: string;
  access: 'read' | 'write';
}): Promise<string> {
  const store = { client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: input.tableName ?? 'concord' };
  const now = Date.now();
  const sessionId = hashToken(generateToken());
  await createSessions(store).create({
    id: sessionId,
    userId: input.principal.userId,
    createdAt: now,
    expiresAt: now + 60 * 60_000,
    lastUsedAt: now,
    twoFactorVerified: true,
    privilegeVersion: 1,
    device: 'test client',
  });
  return createTickets(store).issue({ principal: input.principal, sessionId, docId: input.docId, access: input.access, now });
}

/** Polls `check` until it returns true (or throws after `timeoutMs`, with `describe()` in the message). */
export async function eventually(check: () => boolean | Promise<boolean>, input: { timeoutMs?: number; describe?: () => string } = {}) {
  const deadline = Date.now() + (input.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met in time${input.describe ? `: ${input.describe()}` : ''}`);
}

type Handler = (encoder: unknown, decoder: { arr: Uint8Array; pos: number }, ...rest: unknown[]) => void;

/** Watches incoming awareness (for our own clock) and permission-denied messages, changing nothing. */
function observeProvider(provider: WebsocketProvider) {
  const seen = { ownClock: -1, refusals: 0 };
  const handlers = provider.messageHandlers as unknown as Handler[];
  const [awareness, auth] = [handlers[1]!, handlers[2]!];
  handlers[1] = (encoder, decoder, ...rest) => {
    const update = decoding.readVarUint8Array(decoding.createDecoder(decoder.arr.subarray(decoder.pos)));
    for (const entry of decodeAwarenessUpdate(update)) {
      if (entry.clientId === provider.doc.clientID) seen.ownClock = Math.max(seen.ownClock, entry.clock);
    }
    awareness(encoder, decoder, ...rest);
  };
  handlers[2] = (encoder, decoder, ...rest) => {
    seen.refusals += 1;
    auth(encoder, decoder, ...rest);
  };
  return seen;
}
