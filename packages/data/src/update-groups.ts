/**
 * How one update is laid out as items, and which stored items make a visible update. Pure.
 *
 * An update that fits in one item is `U#<ulid>`. A larger one is split into `U#<ulid>#P<i>`
 * items, each carrying `parts: n`; every part is first written *unsealed* (with a TTL), then
 * sealed (TTL removed), and only then acknowledged. A group is visible only when all `n` parts
 * are present and sealed: a writer that died half-way leaves an invisible group that AWS expires
 * (dynalite keeps it, but it stays invisible and compaction never touches it).
 */
import type { StoredUpdate } from '@concord/sync/ports';
import { documentKeys } from './keys.ts';
import { joinBytes } from './parts.ts';

/** One update item as read back, decoded from its sort key and attributes. */
export interface UpdatePiece {
  id: string;
  /** 0 for a whole update. */
  index: number;
  /** 1 for a whole update. */
  parts: number;
  bytes: Uint8Array;
  sealed: boolean;
}

const ulidPattern = '[0-9A-HJKMNP-TV-Z]{26}';
const sortKeyPattern = new RegExp(`^U#(${ulidPattern})(?:#P(\\d{4}))?$`);
const updateKeyPattern = new RegExp(`^U#(${ulidPattern})(?:/(\\d+))?$`);

/** Decodes an update item's sort key; null for anything else. */
export function parseUpdateSortKey(sk: string): { id: string; index: number | null } | null {
  const match = sortKeyPattern.exec(sk);
  if (!match?.[1]) return null;
  return { id: match[1], index: match[2] === undefined ? null : Number(match[2]) };
}

/**
 * The `StoredUpdate.key` of an update: its sort key when whole, `U#<ulid>/<n>` when split into
 * `n` parts, so that `commitSnapshot` can delete every part from the key alone.
 */
export function updateKey(input: { id: string; parts: number }): string {
  return input.parts === 1 ? documentKeys.update(input.id) : `${documentKeys.update(input.id)}/${input.parts}`;
}

/** The sort keys of every item of the update named by `key`; null when `key` is not one of ours. */
export function sortKeysOfUpdate(key: string): string[] | null {
  const match = updateKeyPattern.exec(key);
  if (!match?.[1]) return null;
  const id = match[1];
  if (match[2] === undefined) return [documentKeys.update(id)];
  const parts = Number(match[2]);
  if (!Number.isSafeInteger(parts) || parts < 2) return null;
  return Array.from({ length: parts }, (_, index) => documentKeys.updatePart({ id, index }));
}

/**
 * The visible updates among `pieces`, in id (append) order: whole updates, and split groups whose
 * parts are all present, sealed and agree on their count.
 */
export function visibleUpdates(pieces: readonly UpdatePiece[]): StoredUpdate[] {
  const groups = new Map<string, UpdatePiece[]>();
  for (const piece of pieces) {
    const group = groups.get(piece.id);
    if (group) group.push(piece);
    else groups.set(piece.id, [piece]);
  }
  const visible: StoredUpdate[] = [];
  for (const id of [...groups.keys()].sort()) {
    const group = (groups.get(id) ?? []).slice().sort((a, b) => a.index - b.index);
    const parts = group[0]?.parts ?? 0;
    const complete =
      group.length === parts && group.every((piece, i) => piece.sealed && piece.parts === parts && piece.index === i);
    if (complete) visible.push({ key: updateKey({ id, parts }), update: joinBytes(group.map((piece) => piece.bytes)) });
  }
  return visible;
}
