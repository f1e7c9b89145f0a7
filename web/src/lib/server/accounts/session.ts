/**
 * Sessions in the browser (`@concord/accounts` sessions.ts keeps the rules): the token in an
 * `HttpOnly; Secure; SameSite=Lax` cookie, set, renewed and cleared as the package says, and a
 * stored device worded for the reader.
 */
import * as accounts from '@concord/accounts';
import type { Accounts, Sessions, SessionState as Read, Started } from '@concord/accounts';
import type { Account, Session } from '@concord/core';
import type { Cookies } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';

export { describeDevice } from '@concord/accounts';

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

/** Puts a session's token in the browser. */
export function setSessionCookie(input: { cookies: Cookies; secure: boolean; token: string; expiresAt: number }): void {
  input.cookies.set(sessionCookieName(input), input.token, sessionCookieOptions(input));
}

/** Sets the cookie of a session just started; returns the session. */
export function cookieFor(input: { cookies: Cookies; secure: boolean; started: Started }): Session {
  const { session, token } = input.started;
  setSessionCookie({ ...input, token, expiresAt: session.expiresAt });
  return session;
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
  return cookieFor({ ...input, started: await accounts.startSession(input) });
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
export async function readSession(input: { sessions: Sessions; accounts: Accounts; cookies: Cookies; secure: boolean; now: number }): Promise<SessionState> {
  const { cookies, secure } = input;
  const { token: change, ...state }: Read = await accounts.readSession({ ...input, token: cookies.get(sessionCookieName({ secure })) });
  if (change.kind === 'set') setSessionCookie({ cookies, secure, token: change.token, expiresAt: change.expiresAt });
  if (change.kind === 'clear') clearSessionCookie({ cookies, secure });
  return state;
}

/** A stored device description (`describeDevice`) in the request's language. */
export function deviceLabel(stored: string): string {
  const found = /^(.+) on (.+)$/.exec(stored);
  if (!found?.[1] || !found[2]) return stored;
  const browser = found[1] === 'A browser' ? m.device_unknown_browser() : found[1];
  const system = found[2] === 'an unknown system' ? m.device_unknown_system() : found[2];
  return m.device_on({ browser, system });
}
