/**
 * The account stores (`@concord/accounts`' contracts, its ports.ts) for a contract suite to run
 * over: DynamoDB's on dynalite and the in-memory ones that unit tests use. `now` is the stores'
 * clock (where a store reads one); `jitterMs` delays each DynamoDB request at random, so that
 * concurrent calls interleave at every step.
 */
import type { AccountStores } from '@concord/accounts';
import { createMemoryAccountStores } from '@concord/accounts/memory';
import { createAccounts, createAttemptThrottle, createInvitations, createPasswordResets, createRateLimiter, createSessions } from '@concord/data';
import { startDynalite } from './dynalite.ts';

export interface StoreOptions {
  now?: () => number;
  jitterMs?: number;
}

export type MakeStores = (options?: StoreOptions) => Promise<AccountStores>;

export const accountStoreFactories: [string, MakeStores][] = [
  [
    'dynalite',
    async ({ now, jitterMs } = {}) => {
      const dynamo = await startDynalite({ jitterMs });
      const clocked = { ...dynamo, ...(now ? { now } : {}) };
      return {
        accounts: createAccounts(clocked),
        sessions: createSessions(clocked),
        invitations: createInvitations(clocked),
        resets: createPasswordResets(dynamo),
        rateLimiter: createRateLimiter(dynamo),
        throttle: createAttemptThrottle(dynamo),
      };
    },
  ],
  ['memory', async ({ now } = {}) => createMemoryAccountStores({ now: now ?? Date.now }).stores],
];
