/**
 * Signing in: a person's account, their sessions, invitations, password resets and the audit
 * log. Types only; the rules are in `auth-rules.ts`, the crypto in `@concord/auth`, storage in
 * `@concord/data`. Nothing secret is stored in the clear: tokens only as SHA-256, passwords as
 * argon2id, TOTP keys encrypted.
 */
import type { Role } from './coalition.ts';

/** A TOTP key encrypted with the server's key (AES-256-GCM); base64 parts. */
export interface EncryptedSecret {
  iv: string;
  data: string;
}

/** The private side of a User: how they sign in. One per user, found by id or by email. */
export interface Account {
  userId: string;
  /** Normalised (trimmed, lower-case); unique across the hub. */
  email: string;
  /** argon2id PHC string. */
  passwordHash: string;
  /** Set once two-factor is enrolled. */
  totpKey: EncryptedSecret | null;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totpLastStep: number;
  /**
   * Bumped whenever what the person may do changes (roles, organisation, tier, removal): a
   * session made under an older version is rotated (or ended) on its next request.
   */
  privilegeVersion: number;
  createdAt: number;
  /**
   * The interface language the person chose (a locale tag such as `fr`); absent or null: none,
   * the interface follows their browser. The web app decides which tags it offers.
   */
  locale?: string | null;
}

export interface Session {
  /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: number;
  /** Sliding: pushed forward when used in the second half of its life. */
  expiresAt: number;
  lastUsedAt: number;
  /** Password checked and, if the account has two-factor, the code too. */
  twoFactorVerified: boolean;
  privilegeVersion: number;
  /** A short description of the browser, so the person can tell sessions apart. */
  device: string;
}

export interface Invitation {
  /** SHA-256 (hex) of the token in the emailed link. */
  id: string;
  email: string;
  name: string;
  coalitionId: string;
  organisationId: string;
  roles: Role[];
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
}

export interface PasswordReset {
  /** SHA-256 (hex) of the token in the emailed link. */
  id: string;
  userId: string;
  expiresAt: number;
}

/** Scalar details of an audited act: what changed, never secrets. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/** One act in a coalition's append-only, hash-chained audit log. */
export interface AuditEntry {
  coalitionId: string;
  /** 1, 2, 3… with no gaps: a missing entry breaks the chain. */
  seq: number;
  at: number;
  /** Who acted (null: the system, e.g. a scheduled close). */
  actor: { userId: string; organisationId: string } | null;
  /** Dotted code, e.g. `organisation.tier-changed`. */
  action: string;
  subject: { kind: string; id: string };
  details: AuditDetails;
  /** `hash` of the previous entry; 64 zeros for the first. */
  prevHash: string;
  /** SHA-256 (hex) of the entry's canonical form, `prevHash` included. */
  hash: string;
}

/** What a person did, as an entry to append (the log chains it: `seq`, `prevHash`, `hash`). */
export function actEntry(input: {
  actor: { userId: string; organisationId: string; coalitionId: string };
  action: string;
  subject: { kind: string; id: string };
  details?: AuditDetails;
  now: number;
}): Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> {
  const { actor } = input;
  return {
    coalitionId: actor.coalitionId,
    at: input.now,
    actor: { userId: actor.userId, organisationId: actor.organisationId },
    action: input.action,
    subject: input.subject,
    details: input.details ?? {},
  };
}
