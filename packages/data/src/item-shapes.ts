/**
 * The stored shape of values that several item types carry (a principal, an awareness entry),
 * written field by field and read back with checks: never a spread of caller input into an item.
 */
import { Role, Tier, type Principal } from '@concord/core';
import type { AwarenessEntry } from '@concord/sync/ports';
import type { Item } from './requests.ts';

const tiers = new Set<string>(Object.values(Tier));
const roles = new Set<string>(Object.values(Role));

export function principalItem(principal: Principal): Item {
  return {
    userId: principal.userId,
    userName: principal.userName,
    organisationId: principal.organisationId,
    organisationName: principal.organisationName,
    coalitionId: principal.coalitionId,
    tier: principal.tier,
    isChair: principal.isChair,
    roles: [...principal.roles],
  };
}

/** Reads a principal written by `principalItem`; throws on anything else (a corrupt item). */
export function principalFrom(value: unknown): Principal {
  const item = asItem(value, 'principal');
  const tier = requireString(item, 'tier');
  if (!tiers.has(tier)) throw new TypeError(`stored principal has an unknown tier: ${tier}`);
  return {
    userId: requireString(item, 'userId'),
    userName: requireString(item, 'userName'),
    organisationId: requireString(item, 'organisationId'),
    organisationName: requireString(item, 'organisationName'),
    coalitionId: requireString(item, 'coalitionId'),
    tier: tier as Tier,
    isChair: item.isChair === true,
    // Principals stored before roles existed (tickets, connections) had none.
    roles: rolesFrom(item.roles),
  };
}

/** A stored list of roles; absent (an item older than roles) reads as none. */
export function rolesFrom(value: unknown): Role[] {
  if (value === undefined || value === null) return [];
  return stringsFrom(value, 'roles').map((role) => {
    if (!roles.has(role)) throw new TypeError(`stored roles hold an unknown role: ${role}`);
    return role as Role;
  });
}

/** A stored list of strings. */
export function stringsFrom(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw new TypeError(`stored ${what} is not a list of strings`);
  return [...value];
}

export function awarenessItem(entry: AwarenessEntry): Item {
  return { clientId: entry.clientId, clock: entry.clock, state: entry.state };
}

export function awarenessFrom(value: unknown): AwarenessEntry | null {
  if (value === undefined || value === null) return null;
  const item = asItem(value, 'awareness');
  const state = item.state;
  return {
    clientId: requireNumber(item, 'clientId'),
    clock: requireNumber(item, 'clock'),
    state: typeof state === 'string' ? state : null,
  };
}

/** `access` as stored: only the two values a connection or ticket can hold. */
export function accessFrom(value: unknown): 'read' | 'write' {
  if (value === 'read' || value === 'write') return value;
  throw new TypeError(`stored access is neither read nor write: ${String(value)}`);
}

export function asItem(value: unknown, what: string): Item {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`stored ${what} is not a map`);
  return value as Item;
}

export function requireString(item: Item, name: string): string {
  const value = item[name];
  if (typeof value !== 'string') throw new TypeError(`stored item lacks the string ${name}`);
  return value;
}

export function requireNumber(item: Item, name: string): number {
  const value = item[name];
  if (typeof value !== 'number') throw new TypeError(`stored item lacks the number ${name}`);
  return value;
}
