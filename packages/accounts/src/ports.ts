/**
 * What accounts need, as ports. The stores' contracts are written here, once: `@concord/data`
 * implements them on DynamoDB and `memory.ts` over maps for unit tests. The directory, the open
 * editors, the audit log and the sealing of TOTP keys are the narrower parts accounts use; the
 * reset mail's words are the sender's (the web words it in the requester's language).
 */
import type { SecretBox } from '@concord/auth';
import type { Account, AuditEntry, Coalition, Invitation, Organisation, PasswordReset, RateLimit, Session, User } from '@concord/core';

export interface Accounts {
  get(userId: string): Promise<Account | null>;
  /** The account holding `email` (compared normalised), or null. */
  findByEmail(email: string): Promise<Account | null>;
  /**
   * Creates the account, its email normalised. 'email-taken' (and nothing written) when another
   * account holds the email; throws a `conflict` DomainError (`account.exists`) when this user
   * already has an account.
   */
  create(account: Account): Promise<'ok' | 'email-taken'>;
  /** Throws a `not-found` DomainError (`account.not-found`) for a missing account, as do the other setters. */
  setPassword(input: { userId: string; passwordHash: string }): Promise<void>;
  /** Enrols (key) or removes (null) two-factor. */
  setTotpKey(input: { userId: string; totpKey: Account['totpKey'] }): Promise<void>;
  /** Records the TOTP step just accepted: true only if every step used before was older (one conditional update). */
  useTotpStep(input: { userId: string; step: number }): Promise<boolean>;
  /** Sets the interface language the person chose, or null for none (follow the browser). */
  setLocale(input: { userId: string; locale: string | null }): Promise<void>;
  /** Adds one to the privilege version; returns the new version. */
  bumpPrivilege(userId: string): Promise<number>;
  /** Deletes the account and frees its email; deleting a missing account does nothing. */
  delete(userId: string): Promise<void>;
}

export interface Sessions {
  /** Stores a new session; a `conflict` DomainError if one with this id exists. */
  create(session: Session): Promise<void>;
  /** The session, or null when unknown or expired. */
  get(id: string): Promise<Session | null>;
  /** Moves the expiry and records the use; does nothing for a session already deleted. */
  touch(input: { id: string; expiresAt: number; lastUsedAt: number }): Promise<void>;
  /** The person's live sessions, most recently used first. */
  listByUser(userId: string): Promise<Session[]>;
  delete(id: string): Promise<void>;
  /** Deletes every session of the person (expired ones too) except `except`; returns the ids deleted. */
  deleteByUser(input: { userId: string; except?: string }): Promise<string[]>;
}

export interface Invitations {
  /** Stores a new invitation; a `conflict` DomainError if one with this id exists. */
  create(invitation: Invitation): Promise<void>;
  /** The invitation, or null when unknown, used or expired. */
  get(id: string): Promise<Invitation | null>;
  /** Takes the invitation, once: a second caller (or an expired one) gets null. */
  consume(input: { id: string; now: number }): Promise<Invitation | null>;
  /** The coalition's pending (unexpired) invitations, oldest first. */
  listByCoalition(coalitionId: string): Promise<Invitation[]>;
  delete(id: string): Promise<void>;
}

export interface PasswordResets {
  /** Stores a new reset; a `conflict` DomainError if one with this id exists. */
  create(reset: PasswordReset): Promise<void>;
  /** The reset, without taking it, if not expired at `now`; otherwise null. */
  get(input: { id: string; now: number }): Promise<PasswordReset | null>;
  /** Takes the reset, once, if not expired at `now`; otherwise null. */
  consume(input: { id: string; now: number }): Promise<PasswordReset | null>;
}

export interface RateLimiter {
  /**
   * Counts one attempt against `key` in the window `now` falls in. `allowed` while the count,
   * this attempt included, is at most `limit.limit`; once refused, `retryAfterMs` is the time to
   * the window's end (0 when allowed). Refused attempts count too.
   */
  hit(input: { limit: RateLimit; key: string; now: number }): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /**
   * Gives back an attempt counted in the window `now` falls in (it succeeded: limits that count
   * failures only). Never below zero; nothing when the window has no count.
   */
  refund(input: { limit: RateLimit; key: string; now: number }): Promise<void>;
}

export interface Backoff {
  /** Part of the item's key: which throttle. */
  bucket: string;
  /** The wait after the latest attempt, given how many failed (this one included). */
  delayMs(failures: number): number;
  /** A key quiet this long starts again from zero. */
  forgetAfterMs: number;
}

export type Claim = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface AttemptThrottle {
  /**
   * Claims one attempt on `key` at `now`: allowed once the wait after the previous attempt has
   * passed. The attempt counts as failed until `clear`. A claim that loses a race with a
   * concurrent one on the same key is refused (retry in a second).
   */
  claim(input: { backoff: Backoff; key: string; now: number }): Promise<Claim>;
  /** Forgets the key's failures: the attempt succeeded. */
  clear(input: { backoff: Backoff; key: string }): Promise<void>;
}

/** The directory as accounts read it: a person (written when they join or leave), their organisation and coalition. */
export interface AccountDirectory {
  users: { get(id: string): Promise<User | null>; put(user: User): Promise<void> };
  organisations: { get(id: string): Promise<Organisation | null> };
  coalitions: { get(id: string): Promise<Coalition | null> };
}

/** Open editors: closed when the sessions they were opened with end. */
export interface AccountLive {
  evictUser(input: { userId: string; sessionId?: string; reason: string }): Promise<unknown>;
}

export interface AccountAudit {
  append(input: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<unknown>;
  /** The coalition's whole log (the person's own acts go in their data export). */
  all(input: { coalitionId: string }): Promise<AuditEntry[]>;
}

/** The reset mails; their words (and language) are the sender's. */
export interface ResetMail {
  /** The link, to an active person's address. */
  sendLink(input: { email: string; name: string; link: string }): Promise<void>;
  /** To an address with no account: someone asked; nothing to reset. */
  sendNoAccount(input: { email: string }): Promise<void>;
}

/** The stores accounts keep (the web's context holds them as they are). */
export interface AccountStores {
  accounts: Accounts;
  sessions: Sessions;
  invitations: Invitations;
  resets: PasswordResets;
  rateLimiter: RateLimiter;
  /** Sign-in backoff per account and address. */
  throttle: AttemptThrottle;
}

export interface AccountPorts extends AccountStores {
  directory: AccountDirectory;
  realtime: AccountLive;
  audit: AccountAudit;
  /** Seals TOTP keys at rest. */
  secretBox: SecretBox;
}
