/**
 * Accounts: `USR#<userId>` / `ACCOUNT` beside the person's directory entry (never listed: it has
 * no `gsi1` attributes), and an email index item `EMAIL#<normalised email>` / `EMAIL` naming the
 * account that holds the address. Without transactions the index is the lock: `create` claims it
 * with a conditional put *before* writing the account, so of two creates with one address only
 * one gets past the claim.
 *
 * A claim whose account was never written (a process that died between the two writes) would
 * lock the address forever; one older than `orphanAfterMs` whose account does not exist is taken
 * over by the next create, and a create that finds its claim taken over after writing its
 * account removes that account again.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fail, normaliseEmail, type Account } from '@concord/core';
import { accountFrom, accountItem, secretItem } from './account-shapes.ts';
import { accountKeys } from './keys.ts';
import { deleteIf, deleteItem, getOne, key, num, putIf, putIfAbsent, str, takeItem, updateIf } from './requests.ts';
import type { Accounts } from '@concord/accounts/ports';

const defaultOrphanAfterMs = 5 * 60_000;

export function createAccounts(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  now?: () => number;
  /** How old an email claim without an account must be before another create may take it. */
  orphanAfterMs?: number;
}): Accounts {
  const { client, tableName } = options;
  const now = options.now ?? Date.now;
  const orphanAfterMs = options.orphanAfterMs ?? defaultOrphanAfterMs;
  const accountKey = (userId: string) => key({ pk: accountKeys.pk(userId), sk: accountKeys.sk });
  const emailKey = (email: string) => key({ pk: accountKeys.emailPk(email), sk: accountKeys.emailSk });

  async function get(userId: string): Promise<Account | null> {
    const item = await getOne({ client, tableName, key: accountKey(userId) });
    return item ? accountFrom(item) : null;
  }

  async function readClaim(email: string): Promise<{ userId: string; claimedAt: number } | null> {
    const item = await getOne({ client, tableName, key: emailKey(email) });
    const userId = item && str(item, 'userId');
    return userId ? { userId, claimedAt: num(item!, 'claimedAt') ?? 0 } : null;
  }

  const claimItem = (input: { email: string; userId: string }) => ({ ...emailKey(input.email), userId: input.userId, claimedAt: now() });
  const releaseClaim = (input: { email: string; userId: string }) =>
    deleteIf({ client, tableName, key: emailKey(input.email), condition: 'userId = :userId', values: { ':userId': input.userId } });

  /** Claims `email` for `userId`: free, already ours (a retried create), or an old orphan. */
  async function claim(input: { email: string; userId: string }): Promise<boolean> {
    if (await putIfAbsent({ client, tableName, item: claimItem(input) })) return true;
    const holder = await readClaim(input.email);
    if (!holder) return putIfAbsent({ client, tableName, item: claimItem(input) });
    if (holder.userId === input.userId) return true;
    if (now() - holder.claimedAt < orphanAfterMs) return false;
    const account = await get(holder.userId);
    if (account && account.email === input.email) return false;
    return putIf({
      client,
      tableName,
      item: claimItem(input),
      condition: 'attribute_exists(#pk) AND userId = :holder AND claimedAt = :claimedAt',
      values: { ':holder': holder.userId, ':claimedAt': holder.claimedAt },
    });
  }

  async function create(input: Account): Promise<'ok' | 'email-taken'> {
    const account = { ...input, email: normaliseEmail(input.email) };
    if (!(await claim({ email: account.email, userId: account.userId }))) return 'email-taken';
    const written = await putIfAbsent({ client, tableName, item: { ...accountKey(account.userId), ...accountItem(account) } });
    if (!written) {
      const existing = await get(account.userId);
      if (existing?.email !== account.email) await releaseClaim({ email: account.email, userId: account.userId });
      throw fail.conflict('account.exists', 'this person already has an account');
    }
    // Taken over as an orphan while this create stalled between its writes: the other one won.
    if ((await readClaim(account.email))?.userId !== account.userId) {
      await deleteItem({ client, tableName, key: accountKey(account.userId) });
      return 'email-taken';
    }
    return 'ok';
  }

  /** One update of an existing account; a missing account is `not-found`. */
  async function update(input: { userId: string; expression: string; values: Record<string, unknown>; names?: Record<string, string> }) {
    const { userId, expression: update, values, names } = input;
    const updated = await updateIf({ client, tableName, key: accountKey(userId), update, condition: 'attribute_exists(#pk)', names, values, returning: 'UPDATED_NEW' });
    if (!updated) throw fail.notFound('account.not-found', 'no such account');
    return updated;
  }

  return {
    get,
    async findByEmail(email) {
      const normalised = normaliseEmail(email);
      const holder = await readClaim(normalised);
      const account = holder && (await get(holder.userId));
      return account && account.email === normalised ? account : null;
    },
    create,
    async setPassword({ userId, passwordHash }) {
      await update({ userId, expression: 'SET passwordHash = :hash', values: { ':hash': passwordHash } });
    },
    async setTotpKey({ userId, totpKey }) {
      await update({ userId, expression: 'SET totpKey = :key', values: { ':key': secretItem(totpKey) } });
    },
    async setLocale({ userId, locale }) {
      await update({ userId, expression: 'SET #locale = :locale', values: { ':locale': locale }, names: { '#locale': 'locale' } });
    },
    // A missing account (or attribute) fails the comparison too.
    useTotpStep: ({ userId, step }) =>
      updateIf({ client, tableName, key: accountKey(userId), update: 'SET totpLastStep = :step', condition: 'totpLastStep < :step', values: { ':step': step } }),
    async bumpPrivilege(userId) {
      const result = await update({ userId, expression: 'ADD privilegeVersion :one', values: { ':one': 1 } });
      const version = result.privilegeVersion;
      if (typeof version !== 'number') throw new TypeError('the account lacks a numeric privilegeVersion');
      return version;
    },
    async delete(userId) {
      const old = await takeItem({ client, tableName, key: accountKey(userId) });
      const email = old && str(old, 'email');
      // Only our own claim: the address may already belong to someone else.
      if (email) await releaseClaim({ email, userId });
    },
  };
}
