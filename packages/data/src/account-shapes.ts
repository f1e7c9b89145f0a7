/**
 * The stored form of the sign-in records: accounts, sessions, invitations, password resets and
 * audit entries. Written field by field and read back with checks, like the directory entities.
 * Domain `expiresAt` (ms) is stored as `expiresAtMs`: `expiresAt` is the TTL attribute (seconds).
 */
import type { Account, AuditDetails, AuditEntry, EncryptedSecret, Invitation, PasswordReset, Session } from '@concord/core';
import { actedBy, flag, map, mapOr, number, strOr, text } from './fields.ts';
import { rolesFrom } from './item-shapes.ts';
import { ttlSeconds } from './keys.ts';
import type { Item } from './requests.ts';
import { tableDefinition } from './table-definition.ts';

/** The two attributes of an item that expires at `expiresAt` (epoch ms). */
export function expiryItem(expiresAt: number): Item {
  return { expiresAtMs: expiresAt, [tableDefinition.ttlAttribute]: ttlSeconds(expiresAt) };
}

export function accountItem(account: Account): Item {
  return {
    userId: account.userId,
    email: account.email,
    passwordHash: account.passwordHash,
    totpKey: secretItem(account.totpKey),
    totpLastStep: account.totpLastStep,
    privilegeVersion: account.privilegeVersion,
    createdAt: account.createdAt,
    locale: account.locale ?? null,
  };
}

export function accountFrom(item: Item): Account {
  return {
    userId: text(item, 'userId'),
    email: text(item, 'email'),
    passwordHash: text(item, 'passwordHash'),
    totpKey: secretFrom(mapOr(item, 'totpKey')),
    totpLastStep: number(item, 'totpLastStep'),
    privilegeVersion: number(item, 'privilegeVersion'),
    createdAt: number(item, 'createdAt'),
    // Accounts written before the field existed have none: the interface follows the browser.
    locale: strOr(item, 'locale', null) || null,
  };
}

export function secretItem(secret: EncryptedSecret | null): Item | null {
  return secret === null ? null : { iv: secret.iv, data: secret.data };
}

function secretFrom(item: Item | null): EncryptedSecret | null {
  return item && { iv: text(item, 'iv'), data: text(item, 'data') };
}

export function sessionItem(session: Session): Item {
  return {
    id: session.id,
    userId: session.userId,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    twoFactorVerified: session.twoFactorVerified,
    privilegeVersion: session.privilegeVersion,
    device: session.device,
    ...expiryItem(session.expiresAt),
  };
}

export function sessionFrom(item: Item): Session {
  return {
    id: text(item, 'id'),
    userId: text(item, 'userId'),
    createdAt: number(item, 'createdAt'),
    expiresAt: number(item, 'expiresAtMs'),
    lastUsedAt: number(item, 'lastUsedAt'),
    twoFactorVerified: flag(item, 'twoFactorVerified'),
    privilegeVersion: number(item, 'privilegeVersion'),
    device: text(item, 'device'),
  };
}

export function invitationItem(invitation: Invitation): Item {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    coalitionId: invitation.coalitionId,
    organisationId: invitation.organisationId,
    roles: [...invitation.roles],
    invitedBy: invitation.invitedBy,
    createdAt: invitation.createdAt,
    ...expiryItem(invitation.expiresAt),
  };
}

export function invitationFrom(item: Item): Invitation {
  return {
    id: text(item, 'id'),
    email: text(item, 'email'),
    name: text(item, 'name'),
    coalitionId: text(item, 'coalitionId'),
    organisationId: text(item, 'organisationId'),
    roles: rolesFrom(item),
    invitedBy: text(item, 'invitedBy'),
    createdAt: number(item, 'createdAt'),
    expiresAt: number(item, 'expiresAtMs'),
  };
}

export function resetItem(reset: PasswordReset): Item {
  return { id: reset.id, userId: reset.userId, ...expiryItem(reset.expiresAt) };
}

export function resetFrom(item: Item): PasswordReset {
  return { id: text(item, 'id'), userId: text(item, 'userId'), expiresAt: number(item, 'expiresAtMs') };
}

export function auditItem(entry: AuditEntry): Item {
  return {
    coalitionId: entry.coalitionId,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor === null ? null : { userId: entry.actor.userId, organisationId: entry.actor.organisationId },
    action: entry.action,
    subject: { kind: entry.subject.kind, id: entry.subject.id },
    details: detailsItem(entry.details),
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

/** Reads an entry back exactly as hashed: a changed field shows as a broken hash, not a throw. */
export function auditFrom(item: Item): AuditEntry {
  const actor = mapOr(item, 'actor');
  const subject = map(item, 'subject');
  return {
    coalitionId: text(item, 'coalitionId'),
    seq: number(item, 'seq'),
    at: number(item, 'at'),
    actor: actor === null ? null : actedBy(actor),
    action: text(item, 'action'),
    subject: { kind: text(subject, 'kind'), id: text(subject, 'id') },
    details: detailsFrom(map(item, 'details')),
    prevHash: text(item, 'prevHash'),
    hash: text(item, 'hash'),
  };
}

function detailsItem(details: AuditDetails): Item {
  const item: Item = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`audit detail ${name} is not a finite number`);
    if (value !== undefined) item[name] = value;
  }
  return item;
}

function detailsFrom(item: Item): AuditDetails {
  const details: AuditDetails = {};
  for (const [name, v] of Object.entries(item)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new TypeError(`stored audit detail ${name} is not a scalar`);
    details[name] = v;
  }
  return details;
}
