/**
 * Checking a password and a two-factor code: the same answer and about the same time whether
 * the account exists or not, and attempts limited per account and per address.
 */
import { decoyHash, verifyPassword, verifyTotp } from '@concord/auth';
import { normaliseEmail, rateLimits, type Account } from '@concord/core';
import { m } from '../../paraglide/messages.js';
import type { WebContext } from '../context.ts';

export type PasswordCheck =
  | { kind: 'ok'; account: Account }
  | { kind: 'refused' }
  | { kind: 'limited'; retryAfterMs: number };

export async function checkPassword(input: {
  context: Pick<WebContext, 'accounts' | 'directory' | 'rateLimiter'>;
  email: string;
  password: string;
  address: string;
  now: number;
}): Promise<PasswordCheck> {
  const { context, now } = input;
  const email = normaliseEmail(input.email);
  for (const [limit, key] of [[rateLimits.signInPerAddress, input.address], [rateLimits.signInPerAccount, email]] as const) {
    const hit = await context.rateLimiter.hit({ limit, key, now });
    if (!hit.allowed) return { kind: 'limited', retryAfterMs: hit.retryAfterMs };
  }
  const account = await context.accounts.findByEmail(email);
  const matches = await verifyPassword({ hash: account?.passwordHash ?? (await decoyHash()), password: input.password });
  if (!account || !matches) return { kind: 'refused' };
  const user = await context.directory.users.get(account.userId);
  return user?.status === 'active' ? { kind: 'ok', account } : { kind: 'refused' };
}

export type CodeCheck = { kind: 'ok' } | { kind: 'refused' } | { kind: 'limited'; retryAfterMs: number };

/** Checks a TOTP code for the account and records its step, so it is never accepted again. */
export async function checkTwoFactorCode(input: {
  context: Pick<WebContext, 'accounts' | 'rateLimiter' | 'secretBox'>;
  userId: string;
  code: string;
  now: number;
}): Promise<CodeCheck> {
  const { context, userId, now } = input;
  const hit = await context.rateLimiter.hit({ limit: rateLimits.twoFactorPerAccount, key: userId, now });
  if (!hit.allowed) return { kind: 'limited', retryAfterMs: hit.retryAfterMs };
  const account = await context.accounts.get(userId);
  if (!account?.totpKey) return { kind: 'refused' };
  const key = await context.secretBox.open(account.totpKey);
  const step = verifyTotp({ key, code: input.code, now, lastStep: account.totpLastStep });
  if (step === null) return { kind: 'refused' };
  // Two tabs racing with the same code: only one wins.
  return (await context.accounts.useTotpStep({ userId, step })) ? { kind: 'ok' } : { kind: 'refused' };
}

/** "in 4 minutes" for a refusal message, in the request's language. */
export function minutesFrom(ms: number): string {
  return m.retry_in_minutes({ minutes: Math.max(1, Math.ceil(ms / 60_000)) });
}
