import type { SyncHandlers } from '@concord/sync';
import { describe, expect, it } from 'vitest';
import { createRealtimeHandlers, type GatewayEvent } from './realtime.ts';
import { encodeConnectionContext } from './connection-context.ts';

const principal = {
  userId: 'usr_1',
  userName: 'Aino Virtanen',
  organisationId: 'org_FI',
  organisationName: 'Finland',
  coalitionId: 'coal_1',
  tier: 'member' as const,
  isChair: false,
  roles: [],
};
const ticket = 'T'.repeat(43);

function recordingSync(cooling: Record<string, number> = {}) {
  const calls: { kind: string; input: unknown }[] = [];
  const sync: SyncHandlers = {
    connect: async (input) => void calls.push({ kind: 'connect', input }),
    message: async (input) => (calls.push({ kind: 'message', input }), 'handled'),
    coolingFor: ({ userId }) => cooling[userId] ?? 0,
    admit: (input) => (calls.push({ kind: 'admit', input }), !(cooling[input.userId] ?? 0)),
    disconnect: async (input) => void calls.push({ kind: 'disconnect', input }),
    compact: async () => {},
    evict: async (input) => void calls.push({ kind: 'evict', input }),
    broadcastUpdate: async (input) => void calls.push({ kind: 'broadcastUpdate', input }),
    notify: async (input) => void calls.push({ kind: 'notify', input }),
  };
  return { sync, calls };
}

const connectEvent = (query: Record<string, string | undefined>): GatewayEvent => ({
  requestContext: { connectionId: 'c1', routeKey: '$connect' },
  queryStringParameters: query,
});

describe('createRealtimeHandlers', () => {
  it('connects with the identity and access its ticket carries', async () => {
    const { sync, calls } = recordingSync();
    const redeemed: unknown[] = [];
    const handlers = createRealtimeHandlers({
      sync,
      now: () => 1_000,
      redeemTicket: async (input) => (redeemed.push(input), { principal, access: 'write', sessionId: 'sess_1' }),
      sessionAlive: async (id) => id === 'sess_1',
    });
    expect(await handlers.connect(connectEvent({ doc: 'stmt_1', ticket }))).toEqual({ statusCode: 200 });
    expect(redeemed).toEqual([{ ticket, docId: 'stmt_1', now: 1_000 }]);
    expect(calls).toEqual([{ kind: 'connect', input: { connectionId: 'c1', docId: 'stmt_1', principal, access: 'write', sessionId: 'sess_1' } }]);
  });

  it('refuses a valid ticket whose session ended after it was issued', async () => {
    const { sync, calls } = recordingSync();
    const handlers = createRealtimeHandlers({
      sync,
      redeemTicket: async () => ({ principal, access: 'read', sessionId: 'sess_gone' }),
      sessionAlive: async () => false,
    });
    expect(await handlers.connect(connectEvent({ doc: 'stmt_1', ticket }))).toEqual({ statusCode: 401, body: 'auth.session-ended' });
    expect(calls).toEqual([]);
  });

  it('refuses a person cooling down after a flood with 429, before asking whether the session lives', async () => {
    const { sync, calls } = recordingSync({ usr_1: 8_000 });
    let sessionLookups = 0;
    const handlers = createRealtimeHandlers({
      sync,
      redeemTicket: async () => ({ principal, access: 'write', sessionId: 'sess_1' }),
      sessionAlive: async () => (sessionLookups++, true),
    });
    expect(await handlers.authorize(connectEvent({ doc: 'stmt_1', ticket }))).toEqual({ allowed: false, statusCode: 429, body: 'sync.rate-limited' });
    expect(await handlers.connect(connectEvent({ doc: 'stmt_1', ticket }))).toEqual({ statusCode: 429, body: 'sync.rate-limited' });
    expect(sessionLookups).toBe(0);
    expect(calls).toEqual([]);
  });

  it('refuses an unknown, used or expired ticket with 401 and registers nothing', async () => {
    const { sync, calls } = recordingSync();
    const handlers = createRealtimeHandlers({ sync, redeemTicket: async () => null, sessionAlive: async () => true });
    expect((await handlers.connect(connectEvent({ doc: 'stmt_1', ticket }))).statusCode).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a malformed query with 400 without looking the ticket up', async () => {
    const { sync } = recordingSync();
    let lookups = 0;
    const handlers = createRealtimeHandlers({ sync, redeemTicket: async () => (lookups++, null), sessionAlive: async () => true });
    for (const query of [{}, { doc: 'stmt_1' }, { doc: '../x', ticket }, { doc: 'stmt_1', ticket: 'short' }]) {
      expect((await handlers.connect(connectEvent(query))).statusCode).toBe(400);
    }
    expect(lookups).toBe(0);
  });

  it('answers 500 when the ticket store fails', async () => {
    const { sync } = recordingSync();
    const handlers = createRealtimeHandlers({
      sync,
      redeemTicket: async () => {
        throw new Error('store down');
      },
      sessionAlive: async () => true,
    });
    expect((await handlers.connect(connectEvent({ doc: 'stmt_1', ticket }))).statusCode).toBe(500);
  });

  it('passes text frames on, and base64 (binary) bodies as something that is not a frame', async () => {
    const { sync, calls } = recordingSync();
    const handlers = createRealtimeHandlers({ sync, redeemTicket: async () => null, sessionAlive: async () => true });
    await handlers.message({ requestContext: { connectionId: 'c1', routeKey: '$default' }, body: 'mAAA=' });
    await handlers.message({ requestContext: { connectionId: 'c1', routeKey: '$default' }, body: 'AAEC', isBase64Encoded: true });
    expect(calls.map((c) => c.input)).toEqual([
      { connectionId: 'c1', frame: 'mAAA=' },
      { connectionId: 'c1', frame: null },
    ]);
  });

  it('answers 200 to $disconnect even when forgetting the connection fails', async () => {
    const { sync } = recordingSync();
    sync.disconnect = async () => {
      throw new Error('store down');
    };
    const handlers = createRealtimeHandlers({ sync, redeemTicket: async () => null, sessionAlive: async () => true });
    expect(await handlers.disconnect({ requestContext: { connectionId: 'c1', routeKey: '$disconnect' } })).toEqual({ statusCode: 200 });
  });
});

describe('the connection’s context (API Gateway’s authorizer)', () => {
  it("names the connection's document at $disconnect, so a store registry need not look it up", async () => {
    const { sync, calls } = recordingSync();
    const handlers = createRealtimeHandlers({ sync, redeemTicket: async () => null, sessionAlive: async () => true });
    const authorizer = encodeConnectionContext({ docId: 'stmt_9', access: 'write', sessionId: 'sess_1', connectedAt: 1_000, principal });
    await handlers.disconnect({ requestContext: { connectionId: 'c1', routeKey: '$disconnect', authorizer } });
    await handlers.disconnect({ requestContext: { connectionId: 'c2', routeKey: '$disconnect' } });
    expect(calls.filter((c) => c.kind === 'disconnect').map((c) => c.input)).toEqual([{ connectionId: 'c1', docId: 'stmt_9' }, { connectionId: 'c2' }]);
  });

  it('authorizes once, then connects and handles messages from the context without redeeming again', async () => {
    const { sync, calls } = recordingSync();
    let redeemed = 0;
    const handlers = createRealtimeHandlers({
      sync,
      now: () => 5_000,
      redeemTicket: async () => ((redeemed += 1), { principal, access: 'write', sessionId: 'sess_1' }),
      sessionAlive: async () => true,
    });
    const authorization = await handlers.authorize(connectEvent({ doc: 'stmt_1', ticket }));
    expect(authorization.allowed).toBe(true);
    const authorizer = authorization.allowed ? authorization.context : {};
    const withContext = (routeKey: string, body?: string): GatewayEvent => ({ requestContext: { connectionId: 'c1', routeKey, authorizer, requestTimeEpoch: 4_900 }, body });

    expect(await handlers.connect(withContext('$connect'))).toEqual({ statusCode: 200 });
    await handlers.message(withContext('$default', 'mAA=='));

    expect(redeemed).toBe(1);
    expect(calls).toEqual([
      { kind: 'connect', input: { connectionId: 'c1', docId: 'stmt_1', principal, access: 'write', sessionId: 'sess_1' } },
      {
        kind: 'message',
        input: { connectionId: 'c1', frame: 'mAA==', connection: { docId: 'stmt_1', principal, access: 'write', sessionId: 'sess_1', connectedAt: 5_000 }, receivedAt: 4_900 },
      },
    ]);
  });

  it('spends a frame’s budget as it arrives (for a gateway that queues), and marks it admitted for message', async () => {
    const { sync, calls } = recordingSync({ usr_1: 0 });
    const handlers = createRealtimeHandlers({ sync, now: () => 5_000, redeemTicket: async () => ({ principal, access: 'write', sessionId: 'sess_1' }), sessionAlive: async () => true });
    const authorization = await handlers.authorize(connectEvent({ doc: 'stmt_1', ticket }));
    const authorizer = authorization.allowed ? authorization.context : {};
    const event: GatewayEvent = { requestContext: { connectionId: 'c1', routeKey: '$default', authorizer, requestTimeEpoch: 4_900, admitted: true }, body: 'mAA==' };
    expect(handlers.arrived(event)).toBe(true);
    await handlers.message(event);
    expect(calls.map((c) => c.kind)).toEqual(['admit', 'message']);
    expect(calls[0]!.input).toEqual({ userId: 'usr_1', bytes: 5, at: 4_900 });
    expect(calls[1]!.input).toMatchObject({ admitted: true });
    // Over budget: refused at arrival.
    const over = recordingSync({ usr_1: 3_000 });
    const overHandlers = createRealtimeHandlers({ sync: over.sync, redeemTicket: async () => null, sessionAlive: async () => true });
    expect(overHandlers.arrived(event)).toBe(false);
  });

  it('refuses at the authorizer what connect would refuse', async () => {
    const { sync } = recordingSync();
    const handlers = createRealtimeHandlers({ sync, redeemTicket: async () => null, sessionAlive: async () => true });
    expect(await handlers.authorize(connectEvent({ doc: 'stmt_1', ticket }))).toEqual({ allowed: false, statusCode: 401, body: 'auth.ticket-invalid' });
  });
});
