/**
 * Tickets for many clients at once (benchmarks, fault and fuzz suites): one DynamoDB client, one
 * live session per person made on first use (standing in for signing in), then a fresh
 * single-use ticket per connect, as the web app's ticket endpoint issues them.
 */
import type { Principal } from '@concord/core';
import { generateToken, hashToken } from '@concord/auth/tokens';
import { createDynamoClient, createSessions, createTickets } from '@concord/data';

export interface TicketIssuer {
  /** Makes the person's session now (signing in), so that a later `issue` only issues. */
  signIn(principal: Principal): Promise<void>;
  issue(input: { principal: Principal; docId: string; access: 'read' | 'write' }): Promise<string>;
  close(): void;
}

export function createTicketIssuer(input: { dynamoEndpoint: string; tableName?: string }): TicketIssuer {
  const store = { client: createDynamoClient({ endpoint: input.dynamoEndpoint }), tableName: input.tableName ?? 'concord' };
  const sessions = createSessions(store);
  const tickets = createTickets(store);
  const sessionOf = new Map<string, Promise<string>>();

  const sessionFor = (principal: Principal): Promise<string> => {
    let session = sessionOf.get(principal.userId);
    if (!session) {
      const now = Date.now();
      const id = hashToken(generateToken());
      session = sessions
        .create({ id, userId: principal.userId, createdAt: now, expiresAt: now + 6 * 60 * 60_000, lastUsedAt: now, twoFactorVerified: true, privilegeVersion: 1, device: 'test client' })
        .then(() => id);
      sessionOf.set(principal.userId, session);
    }
    return session;
  };

  return {
    signIn: async (principal) => void (await sessionFor(principal)),
    async issue({ principal, docId, access }) {
      const sessionId = await sessionFor(principal);
      return tickets.issue({ principal, sessionId, docId, access, now: Date.now() });
    },
    close: () => store.client.destroy(),
  };
}
