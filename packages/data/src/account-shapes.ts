/**
 * The stored form of the sign-in records: accounts, sessions, invitations, password resets and
 * audit entries. Written field by field and read back with checks, like the directory entities.
 * Domain `expiresAt` (ms) is stored as `expiresAtMs`: `expiresAt` is the TTL attribute (seconds).
 */
import type { Account, AuditDetails, AuditEntry, EncryptedSecret, Invitation, PasswordReset, Session } from '@concord/core';
import { asItem, requireNumber, requireString, rolesFrom } from './item-shapes.ts';
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
    userId: requireString(item, 'userId'),
    email: requireString(item, 'email'),
    passwordHash: requireString(item, 'passwordHash'),
    totpKey: secretFrom(item.totpKey),
    totpLastStep: requireNumber(item, 'totpLastStep'),
    privilegeVersion: requireNumber(item, 'privilegeVersion'),
    createdAt: requireNumber(item, 'createdAt'),
    // Accounts written before the field existed have none: the interface follows the browser.
    locale: typeof item.locale === 'string' && item.locale ? item.locale : null,
  };
}

export function secretItem(secret: EncryptedSecret | null): Item | null {
  return secret === null ? null : { iv: secret.iv, data: secret.data };
}

function secretFrom(value: unknown): EncryptedSecret | null {
  if (value === null || value === undefined) return null;
  const item = asItem(value, 'totpKey');
  return { iv: requireString(item, 'iv'), data: requireString(item, 'data') };
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
    id: requireString(item, 'id'),
    userId: requireString(item, 'userId'),
    createdAt: requireNumber(item, 'createdAt'),
    expiresAt: requireNumber(item, 'expiresAtMs'),
    lastUsedAt: requireNumber(item, 'lastUsedAt'),
    twoFactorVerified: item.twoFactorVerified === true,
    privilegeVersion: requireNumber(item, 'privilegeVersion'),
    device: requireString(item, 'device'),
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
    id: requireString(item, 'id'),
    email: requireString(item, 'email'),
    name: requireString(item, 'name'),
    coalitionId: requireString(item, 'coalitionId'),
    organisationId: requireString(item, 'organisationId'),
    roles: rolesFrom(item.roles),
    invitedBy: requireString(item, 'invitedBy'),
    createdAt: requireNumber(item, 'createdAt'),
    expiresAt: requireNumber(item, 'expiresAtMs'),
  };
}

export function resetItem(reset: PasswordReset): Item {
  return { id: reset.id, userId: reset.userId, ...expiryItem(reset.expiresAt) };
}

export function resetFrom(item: Item): PasswordReset {
  return { id: requireString(item, 'id'), userId: requireString(item, 'userId'), expiresAt: requireNumber(item, 'expiresAtMs') };
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
  const actor = item.actor === null || item.actor === undefined ? null : asItem(item.actor, 'actor');
  const subject = asItem(item.subject, 'subject');
  return {
    coalitionId: requireString(item, 'coalitionId'),
    seq: requireNumber(item, 'seq'),
    at: requireNumber(item, 'at'),
    actor: actor === null ? null : { userId: requireString(actor, 'userId'), organisationId: requireString(actor, 'organisationId') },
    action: requireString(item, 'action'),
    subject: { kind: requireString(subject, 'kind'), id: requireString(subject, 'id') },
    details: detailsFrom(item.details),
    prevHash: requireString(item, 'prevHash'),
    hash: requireString(item, 'hash'),
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

function detailsFrom(value: unknown): AuditDetails {
  const item = asItem(value, 'details');
  const details: AuditDetails = {};
  for (const [name, v] of Object.entries(item)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new TypeError(`stored audit detail ${name} is not a scalar`);
    details[name] = v;
  }
  return details;
}
