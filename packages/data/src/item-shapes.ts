/**
 * The stored shape of values that several item types carry (a principal, an awareness entry),
 * written field by field and read back with checks: never a spread of caller input into an item.
 */
import { Role, Tier, type Principal } from '@concord/core';
import type { AwarenessEntry } from '@concord/sync/ports';
import { flag, list, number, oneOf, strOr, text } from './fields.ts';
import type { Item } from './requests.ts';

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

/** Reads a principal (the map) written by `principalItem`; throws on anything else (a corrupt item). */
export function principalFrom(item: Item): Principal {
  return {
    userId: text(item, 'userId'),
    userName: text(item, 'userName'),
    organisationId: text(item, 'organisationId'),
    organisationName: text(item, 'organisationName'),
    coalitionId: text(item, 'coalitionId'),
    tier: oneOf(item, 'tier', Tier),
    isChair: flag(item, 'isChair'),
    // Principals stored before roles existed (tickets, connections) had none.
    roles: rolesFrom(item),
  };
}

/** The item's `roles`; absent (an item older than roles) reads as none. */
export function rolesFrom(item: Item): Role[] {
  return item.roles === undefined || item.roles === null ? [] : list(item, 'roles', (roles, index) => oneOf(roles, index, Role));
}

export function awarenessItem(entry: AwarenessEntry): Item {
  return { clientId: entry.clientId, clock: entry.clock, state: entry.state };
}

/** An awareness entry (the map), or null for none. */
export function awarenessFrom(item: Item | null): AwarenessEntry | null {
  if (item === null) return null;
  return { clientId: number(item, 'clientId'), clock: number(item, 'clock'), state: strOr(item, 'state', null) };
}

/** `access` as stored: only the two values a connection or ticket can hold. */
export const accessFrom = (item: Item): 'read' | 'write' => oneOf(item, 'access', ['read', 'write']);

