/**
 * Checking a password and a two-factor code: the same answer and about the same time whether
 * the account exists or not. Guessing is slowed without locking the owner out (issue 12 §10):
 * passwords back off exponentially per account *and* address (`signInBackoff`), so an attacker's
 * failures never delay the owner signing in from elsewhere, and one address is capped across all
 * accounts; the limits count failures only, a success gives its attempt back.
 */
import { decoyHash, verifyPassword, verifyTotp } from '@concord/auth';
import { normaliseEmail, rateLimits, signInBackoff, signInDelayMs, signInPairKey, type Account } from '@concord/core';
import type { AccountPorts } from './ports.ts';

export type PasswordCheck =
  | { kind: 'ok'; account: Account }
  | { kind: 'refused' }
  | { kind: 'limited'; retryAfterMs: number };

const backoff = { bucket: signInBackoff.bucket, delayMs: signInDelayMs, forgetAfterMs: signInBackoff.forgetAfterMs };

export async function checkPassword(input: {
  ports: Pick<AccountPorts, 'accounts' | 'directory' | 'rateLimiter' | 'throttle'>;
  email: string;
  password: string;
  address: string;
  now: number;
}): Promise<PasswordCheck> {
  const { ports, now } = input;
  const email = normaliseEmail(input.email);
  const perAddress = { limit: rateLimits.signInPerAddress, key: input.address, now };
  const hit = await ports.rateLimiter.hit(perAddress);
  if (!hit.allowed) return { kind: 'limited', retryAfterMs: hit.retryAfterMs };
  const pair = { backoff, key: signInPairKey({ email, address: input.address }) };
  const claim = await ports.throttle.claim({ ...pair, now });
  if (!claim.allowed) {
    // Waiting is not a failure: it must not use up the address's allowance.
    await ports.rateLimiter.refund(perAddress);
    return { kind: 'limited', retryAfterMs: claim.retryAfterMs };
  }
  const account = await ports.accounts.findByEmail(email);
  const matches = await verifyPassword({ hash: account?.passwordHash ?? (await decoyHash()), password: input.password });
  if (!account || !matches) return { kind: 'refused' };
  const user = await ports.directory.users.get(account.userId);
  if (user?.status !== 'active') return { kind: 'refused' };
  await ports.throttle.clear(pair);
  await ports.rateLimiter.refund(perAddress);
  return { kind: 'ok', account };
}

export type CodeCheck = { kind: 'ok' } | { kind: 'refused' } | { kind: 'limited'; retryAfterMs: number };

/**
 * Checks a TOTP code for the account and records its step, so it is never accepted again. Only
 * wrong codes count against the limit: the attempt is counted first (parallel guesses cannot
 * slip past it) and given back when the code was right.
 */
export async function checkTwoFactorCode(input: {
  ports: Pick<AccountPorts, 'accounts' | 'rateLimiter' | 'secretBox'>;
  userId: string;
  code: string;
  now: number;
}): Promise<CodeCheck> {
  const { ports, userId, now } = input;
  const limit = { limit: rateLimits.twoFactorPerAccount, key: userId, now };
  const hit = await ports.rateLimiter.hit(limit);
  if (!hit.allowed) return { kind: 'limited', retryAfterMs: hit.retryAfterMs };
  const account = await ports.accounts.get(userId);
  if (!account?.totpKey) return { kind: 'refused' };
  const key = await ports.secretBox.open(account.totpKey);
  const step = verifyTotp({ key, code: input.code, now, lastStep: account.totpLastStep });
  if (step === null) return { kind: 'refused' };
  // Two tabs racing with the same code: only one wins.
  if (!(await ports.accounts.useTotpStep({ userId, step }))) return { kind: 'refused' };
  await ports.rateLimiter.refund(limit);
  return { kind: 'ok' };
}
