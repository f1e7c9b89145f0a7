/**
 * The rules of signing in, as pure functions of their inputs (`now` included): session lifetime
 * and renewal, when two-factor is required, password and email acceptability, rate-limit windows,
 * and the canonical form of an audit entry that its hash covers.
 */
import type { AuditEntry, Session } from './account.ts';
import { canonicalJson } from './canonical-json.ts';
import { hasRole, type Principal } from './coalition.ts';

const day = 24 * 60 * 60_000;

export const sessionRules = {
  /** A session lives 30 days from its last renewal… */
  lifetimeMs: 30 * day,
  /** …and is renewed when used with less than 15 days left (sliding expiry, few writes). */
  renewBelowMs: 15 * day,
  /** Between the password and the two-factor code: a half-signed-in session lasts 10 minutes. */
  pendingTwoFactorMs: 10 * 60_000,
} as const;

export type SessionCheck =
  | { kind: 'expired' }
  /** Its privileges changed since it was made: replace it with a fresh one. */
  | { kind: 'rotate' }
  | { kind: 'renew'; expiresAt: number }
  | { kind: 'valid' };

/** What to do with a session on a request at `now`, given the account's privilege version. */
export function checkSession(input: { session: Session; privilegeVersion: number; now: number }): SessionCheck {
  const { session, now } = input;
  if (session.expiresAt <= now) return { kind: 'expired' };
  if (session.privilegeVersion !== input.privilegeVersion) return { kind: 'rotate' };
  if (session.twoFactorVerified && session.expiresAt - now < sessionRules.renewBelowMs) {
    return { kind: 'renew', expiresAt: now + sessionRules.lifetimeMs };
  }
  return { kind: 'valid' };
}

/** Chair delegations, the secretariat and organisation leads must use two-factor. */
export function twoFactorRequired(principal: Pick<Principal, 'isChair' | 'roles'>): boolean {
  return principal.isChair || hasRole(principal as Principal, 'secretariat') || hasRole(principal as Principal, 'organisation-lead');
}

export const passwordRules = { minLength: 12, maxLength: 256 } as const;

/** Why a new password is not acceptable, as a code the interface words in the reader's language. */
export type PasswordIssue = 'password.too-short' | 'password.too-long' | 'password.is-email' | 'password.repetitive';

/** Why a new password is not acceptable, or null. Length is what matters (NIST SP 800-63B). */
export function passwordIssue(input: { password: string; email: string }): PasswordIssue | null {
  const { password } = input;
  if ([...password].length < passwordRules.minLength) return 'password.too-short';
  if (password.length > passwordRules.maxLength) return 'password.too-long';
  if (password.trim().toLowerCase() === input.email.trim().toLowerCase()) return 'password.is-email';
  if (new Set(password).size < 4) return 'password.repetitive';
  return null;
}

const passwordIssueText = {
  'password.too-short': `Use at least ${passwordRules.minLength} characters.`,
  'password.too-long': `Use at most ${passwordRules.maxLength} characters.`,
  'password.is-email': 'Do not use your email address as your password.',
  'password.repetitive': 'Use a password that is not one character repeated.',
} as const satisfies Record<PasswordIssue, string>;

/** `passwordIssue` in English, or null. */
export function passwordProblem(input: { password: string; email: string }): string | null {
  const issue = passwordIssue(input);
  return issue && passwordIssueText[issue];
}

/** The form an email address is stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A plausible address: one @, something either side, a dot in the domain, no spaces, not huge. */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export interface RateLimit {
  /** What is limited, e.g. `signin.account`; part of the counter's key. */
  bucket: string;
  limit: number;
  windowMs: number;
}

/**
 * Limits on guessing, for passwords, codes and reset mails. Sign-in and two-factor limits count
 * failures only (a success gives its attempt back), so the owner's own successes never use them
 * up; there is no per-account sign-in limit: see `signInBackoff`.
 */
export const rateLimits = {
  /** Wrong passwords from one address, whatever the account (one address spraying many accounts). */
  signInPerAddress: { bucket: 'signin.address', limit: 30, windowMs: 15 * 60_000 },
  twoFactorPerAccount: { bucket: 'two-factor.account', limit: 5, windowMs: 15 * 60_000 },
  /** Confirming the password of a signed-in person (deleting the account). */
  confirmPasswordPerAccount: { bucket: 'confirm-password.account', limit: 10, windowMs: 15 * 60_000 },
  resetPerAccount: { bucket: 'reset.account', limit: 3, windowMs: 60 * 60_000 },
  resetPerAddress: { bucket: 'reset.address', limit: 10, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimit>;

/**
 * Sign-in throttling that slows the attacker without locking the owner out (OWASP Authentication
 * Cheat Sheet, "Account lockout"; issue 12 §10): attempts are counted per account *and* address.
 * The first `freeFailures` go at once; after that each attempt from the pair waits twice as long as
 * the one before, up to `maxDelayMs`. A success clears the count; quiet for `forgetAfterMs`, it is
 * forgotten. The owner signing in from another address is never slowed by an attacker's failures.
 */
export const signInBackoff = { bucket: 'signin.pair', freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 60 * 60_000 } as const;

/** How long after its latest attempt a pair with `failures` failed attempts waits before the next. */
export function signInDelayMs(failures: number): number {
  const over = failures - signInBackoff.freeFailures;
  if (over < 0) return 0;
  return Math.min(signInBackoff.maxDelayMs, signInBackoff.baseDelayMs * 2 ** over);
}

/** The key sign-in attempts are throttled under: the account (normalised email) and the address. */
export function signInPairKey(input: { email: string; address: string }): string {
  return `${normaliseEmail(input.email)}\n${input.address}`;
}

/** The fixed window `now` falls in: its start is part of the counter's key. */
export function rateWindow(input: { limit: RateLimit; now: number }): { start: number; end: number } {
  const start = input.now - (input.now % input.limit.windowMs);
  return { start, end: start + input.limit.windowMs };
}

/**
 * The exact text an audit entry's hash covers: every field but `hash`, keys sorted at every
 * level, so the same entry hashes the same on every host and in every language.
 */
export function canonicalAuditText(entry: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson(entry);
}


/** The `prevHash` of the first entry of a chain. */
export const genesisHash = '0'.repeat(64);
