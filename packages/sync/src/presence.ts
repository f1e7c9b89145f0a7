/**
 * Presence as the server judges it: a connection speaks only for its own awareness entry (one
 * Yjs client id, bound at its first entry), stamped with who it is; older entries are passed
 * over; and most caret moves are forwarded without a write (PROTOCOL.md §3, "Presence").
 */
import { decodeAwarenessUpdate, ownEntry, stampState } from './awareness.ts';
import type { AwarenessEntry, ConnectionRecord } from './ports.ts';

/** Store an awareness entry at least every this many clock ticks, so a joiner's carets are close. */
export const AWARENESS_STORE_EVERY = 32;

/**
 * Presence: keep only the sender's own entry, stamped with who it is. Refused (`close`) when it
 * does not decode or its state is not a record; passed over when it is older than the stored one.
 */
export function judgeAwareness(input: { record: ConnectionRecord; update: Uint8Array; peers: readonly ConnectionRecord[] }):
  | { ok: true; entry: AwarenessEntry; stored: AwarenessEntry | null }
  | { ok: false; close?: string } {
  const { record, update, peers } = input;
  let entries;
  try {
    entries = decodeAwarenessUpdate(update);
  } catch {
    return { ok: false, close: 'sync.awareness-malformed' };
  }
  const stored = peers.find((p) => p.connectionId === record.connectionId)?.awareness ?? record.awareness;
  // Only another person's connection makes an entry a relay: the same person's older
  // connection may still hold this client id (a reconnect before the old one is gone).
  const othersClientIds = new Set(
    peers.flatMap((p) =>
      p.connectionId !== record.connectionId && p.principal.userId !== record.principal.userId && p.awareness
        ? [p.awareness.clientId]
        : [],
    ),
  );
  const entry = ownEntry({ entries, boundClientId: stored?.clientId ?? null, othersClientIds });
  if (!entry) return { ok: false };
  const state = entry.state === null ? null : stampState({ state: entry.state, principal: record.principal });
  if (entry.state !== null && state === null) return { ok: false, close: 'sync.awareness-state-invalid' };
  const stamped = { ...entry, state };
  // Frames arrive in any order: an older state than the one stored is not passed on.
  if (stored && isOlder(stamped, stored)) return { ok: false };
  return { ok: true, entry: stamped, stored: stored ?? null };
}

/** y-protocols' rule: a lower clock is older; so is the same clock, unless it removes the state. */
function isOlder(entry: AwarenessEntry, stored: AwarenessEntry): boolean {
  if (entry.clientId !== stored.clientId) return false;
  return entry.clock < stored.clock || (entry.clock === stored.clock && entry.state !== null);
}

export function mustStore(input: { entry: AwarenessEntry; stored: AwarenessEntry | null }): boolean {
  const { entry, stored } = input;
  if (!stored || entry.state === null || stored.state === null) return true;
  if (entry.clock - stored.clock >= AWARENESS_STORE_EVERY) return true;
  return userPart(entry.state) !== userPart(stored.state);
}

function userPart(state: string): string {
  try {
    return JSON.stringify((JSON.parse(state) as { user?: unknown }).user ?? null);
  } catch {
    return state;
  }
}
