/**
 * Sessions the Lucia way: a random token in an `HttpOnly; Secure; SameSite=Lax` cookie, only its
 * SHA-256 stored, sliding expiry, and a new token whenever the session gains privilege (the
 * two-factor code accepted) or the person's privileges changed.
 */
import { generateToken, hashToken, isWellFormedToken } from '@concord/auth';
import { checkSession, sessionRules, type Account, type Session } from '@concord/core';
import type { Cookies } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';
import type { Accounts, Sessions } from './ports.ts';

/** `__Host-` keeps the cookie to this exact origin over HTTPS; plain HTTP (local) cannot use it. */
export function sessionCookieName(input: { secure: boolean }): string {
  return input.secure ? '__Host-concord_session' : 'concord_session';
}

export function sessionCookieOptions(input: { secure: boolean; expiresAt: number }) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: input.secure,
    expires: new Date(input.expiresAt),
  } as const;
}

/** Starts a session and sets its cookie; returns it. */
export async function startSession(input: {
  sessions: Sessions;
  cookies: Cookies;
  secure: boolean;
  account: Pick<Account, 'userId' | 'privilegeVersion'>;
  twoFactorVerified: boolean;
  device: string;
  now: number;
}): Promise<Session> {
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
  input.cookies.set(sessionCookieName(input), token, sessionCookieOptions({ secure: input.secure, expiresAt: session.expiresAt }));
  return session;
}

export function clearSessionCookie(input: { cookies: Cookies; secure: boolean }): void {
  input.cookies.delete(sessionCookieName(input), { path: '/' });
}

export type SessionState =
  | { kind: 'none' }
  | { kind: 'pending-two-factor'; session: Session }
  | { kind: 'active'; session: Session; account: Account };

/**
 * The session behind the request's cookie: renewed when due, rotated when the person's
 * privileges changed, gone when expired or unknown (the cookie is then cleared).
 */
export async function readSession(input: {
  sessions: Sessions;
  accounts: Accounts;
  cookies: Cookies;
  secure: boolean;
  now: number;
}): Promise<SessionState> {
  const { sessions, cookies, secure, now } = input;
  const token = cookies.get(sessionCookieName({ secure }));
  if (!token) return { kind: 'none' };
  const session = isWellFormedToken(token) ? await sessions.get(hashToken(token)) : null;
  const account = session ? await input.accounts.get(session.userId) : null;
  if (!session || !account) return endSession({ ...input, session });
  const check = checkSession({ session, privilegeVersion: account.privilegeVersion, now });
  if (check.kind === 'expired') return endSession({ ...input, session });
  if (!session.twoFactorVerified) return { kind: 'pending-two-factor', session };
  if (check.kind === 'rotate') {
    await sessions.delete(session.id);
    const fresh = await startSession({ sessions, cookies, secure, account, twoFactorVerified: true, device: session.device, now });
    return { kind: 'active', session: fresh, account };
  }
  if (check.kind === 'renew') {
    await sessions.touch({ id: session.id, expiresAt: check.expiresAt, lastUsedAt: now });
    cookies.set(sessionCookieName({ secure }), token, sessionCookieOptions({ secure, expiresAt: check.expiresAt }));
    return { kind: 'active', session: { ...session, expiresAt: check.expiresAt, lastUsedAt: now }, account };
  }
  return { kind: 'active', session, account };
}

async function endSession(input: { sessions: Sessions; cookies: Cookies; secure: boolean; session: Session | null }): Promise<SessionState> {
  if (input.session) await input.sessions.delete(input.session.id);
  clearSessionCookie(input);
  return { kind: 'none' };
}

/**
 * "Firefox on Linux" from a User-Agent header: enough to tell sessions apart, nothing more. It is
 * stored in this English form; `deviceLabel` words it for the reader.
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

/** A stored device description (`describeDevice`) in the request's language. */
export function deviceLabel(stored: string): string {
  const found = /^(.+) on (.+)$/.exec(stored);
  if (!found?.[1] || !found[2]) return stored;
  const browser = found[1] === 'A browser' ? m.device_unknown_browser() : found[1];
  const system = found[2] === 'an unknown system' ? m.device_unknown_system() : found[2];
  return m.device_on({ browser, system });
}
