/**
 * Sessions the Lucia way: a random token only the browser holds, only its SHA-256 stored,
 * sliding expiry, and a new token whenever the session gains privilege (the two-factor code
 * accepted) or the person's privileges changed. Where the token travels (a cookie) is the host's
 * concern: these functions take the token and say what to do with it.
 */
import { generateToken, hashToken, isWellFormedToken } from '@concord/auth';
import { checkSession, sessionRules, type Account, type Session } from '@concord/core';
import type { Accounts, Sessions } from './ports.ts';

/** A session just started, and the token for the browser (nowhere stored). */
export interface Started {
  session: Session;
  token: string;
}

/** Starts a session for the account. */
export async function startSession(input: {
  sessions: Pick<Sessions, 'create'>;
  account: Pick<Account, 'userId' | 'privilegeVersion'>;
  twoFactorVerified: boolean;
  device: string;
  now: number;
}): Promise<Started> {
  const { now } = input;
  const token = generateToken();
  const session: Session = {
    id: hashToken(token),
    userId: input.account.userId,
    createdAt: now,
    lastUsedAt: now,
    // Half signed in (code still owed): only long enough to type the code.
    expiresAt: now + (input.twoFactorVerified ? sessionRules.lifetimeMs : sessionRules.pendingTwoFactorMs),
    twoFactorVerified: input.twoFactorVerified,
    privilegeVersion: input.account.privilegeVersion,
    device: input.device,
  };
  await input.sessions.create(session);
  return { session, token };
}

/** What the browser's token becomes: kept, replaced (a new token or a later expiry), or cleared. */
export type TokenChange = { kind: 'keep' } | { kind: 'set'; token: string; expiresAt: number } | { kind: 'clear' };

export type SessionState =
  | { kind: 'none'; token: TokenChange }
  | { kind: 'pending-two-factor'; session: Session; token: TokenChange }
  | { kind: 'active'; session: Session; account: Account; token: TokenChange };

/**
 * The session behind a browser's token (undefined: it sent none): renewed when due, rotated when
 * the person's privileges changed, gone when expired or unknown (and its token then cleared).
 */
export async function readSession(input: { sessions: Sessions; accounts: Pick<Accounts, 'get'>; token: string | undefined; now: number }): Promise<SessionState> {
  const { sessions, token, now } = input;
  if (!token) return { kind: 'none', token: { kind: 'keep' } };
  const session = isWellFormedToken(token) ? await sessions.get(hashToken(token)) : null;
  const account = session ? await input.accounts.get(session.userId) : null;
  if (!session || !account) return endSession({ sessions, session });
  const check = checkSession({ session, privilegeVersion: account.privilegeVersion, now });
  if (check.kind === 'expired') return endSession({ sessions, session });
  if (!session.twoFactorVerified) return { kind: 'pending-two-factor', session, token: { kind: 'keep' } };
  if (check.kind === 'rotate') {
    await sessions.delete(session.id);
    const fresh = await startSession({ sessions, account, twoFactorVerified: true, device: session.device, now });
    return { kind: 'active', session: fresh.session, account, token: { kind: 'set', token: fresh.token, expiresAt: fresh.session.expiresAt } };
  }
  if (check.kind === 'renew') {
    await sessions.touch({ id: session.id, expiresAt: check.expiresAt, lastUsedAt: now });
    return { kind: 'active', session: { ...session, expiresAt: check.expiresAt, lastUsedAt: now }, account, token: { kind: 'set', token, expiresAt: check.expiresAt } };
  }
  return { kind: 'active', session, account, token: { kind: 'keep' } };
}

async function endSession(input: { sessions: Sessions; session: Session | null }): Promise<SessionState> {
  if (input.session) await input.sessions.delete(input.session.id);
  return { kind: 'none', token: { kind: 'clear' } };
}

/**
 * "Firefox on Linux" from a User-Agent header: enough to tell sessions apart, nothing more. It is
 * stored in this English form; the host words it for the reader.
 */
export function describeDevice(userAgent: string | null): string {
  const ua = userAgent ?? '';
  const browser =
    /Edg\//.test(ua) ? 'Edge'
    : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrome\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari'
    : 'A browser';
  const system =
    /Windows/.test(ua) ? 'Windows'
    : /Android/.test(ua) ? 'Android'
    : /iPhone|iPad/.test(ua) ? 'iOS'
    : /Mac OS X/.test(ua) ? 'macOS'
    : /Linux/.test(ua) ? 'Linux'
    : 'an unknown system';
  return `${browser} on ${system}`;
}
