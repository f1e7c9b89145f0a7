/**
 * Awareness updates (y-protocols/awareness) as plain entries, and the server's rules for them:
 * a connection speaks only for its own client id, and the identity it shows (`user.name`,
 * `user.organisation`, `user.userId`) is the one the server authenticated, not what it claims.
 *
 * Update layout (lib0): varUint count, then per entry varUint clientId, varUint clock,
 * varString JSON state ("null" once the client removed its state).
 */
import type { Principal } from '@concord/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AwarenessEntry } from './ports.ts';

/** Largest awareness state a client may publish: cursors and a name, not documents. */
export const AWARENESS_STATE_MAX_BYTES = 8 * 1024;
const utf8 = new TextEncoder();
/** More entries than this in one update is abuse, not presence. */
const MAX_ENTRIES = 1_000;

/** Decodes an awareness update; throws on anything malformed. States stay JSON text. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_ENTRIES) throw new RangeError('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state: json === 'null' ? null : json });
  }
  if (decoding.hasContent(decoder)) throw new RangeError('trailing bytes after awareness update');
  return entries;
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state ?? 'null');
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The one entry of `entries` the connection speaks for. y-websocket clients re-send every
 * awareness change they receive, other people's included; those relays are dropped here.
 * The connection is bound to a client id by its first own entry: until then, an entry whose id
 * belongs to another live connection is a relay, and the connection's own is the one left.
 */
export function ownEntry(input: {
  entries: readonly AwarenessEntry[];
  boundClientId: number | null;
  othersClientIds: ReadonlySet<number>;
}): AwarenessEntry | null {
  const { entries, boundClientId, othersClientIds } = input;
  if (boundClientId !== null) return entries.find((e) => e.clientId === boundClientId) ?? null;
  // A removal (null state) is never the connection's own first word: it is a relayed departure.
  const candidates = entries.filter((e) => e.state !== null && !othersClientIds.has(e.clientId));
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/**
 * The state as others will see it: valid JSON object of bounded size, with `user`'s identity
 * fields replaced by the authenticated principal (colour and cursor are the client's own).
 * Returns null for a state that is not acceptable.
 */
export function stampState(input: { state: string; principal: Principal }): string | null {
  if (input.state.length > AWARENESS_STATE_MAX_BYTES || utf8.encode(input.state).length > AWARENESS_STATE_MAX_BYTES) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.state);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const state = parsed as Record<string, unknown>;
  const claimed = typeof state.user === 'object' && state.user !== null ? (state.user as Record<string, unknown>) : {};
  const { principal } = input;
  state.user = {
    ...claimed,
    userId: principal.userId,
    name: principal.userName,
    organisation: principal.organisationName,
  };
  return JSON.stringify(state);
}
