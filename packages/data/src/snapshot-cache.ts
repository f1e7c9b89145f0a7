/**
 * The snapshots a document store has read or written, kept so that a load need not read them
 * again. A snapshot is immutable once the head names it: `SNAP#<version>#<attempt>#…` is written
 * before the head moves to it and never rewritten, only deleted once the head has moved past it.
 * So bytes cached under (version, attempt) are right for as long as the head still names that
 * pair, and the load checks exactly that (`document-load.ts`). A newcomer's first sync of a
 * B4-size statement read ~270 KB of snapshot on every connect; with the snapshot cached it reads
 * the tail and the head.
 *
 * One entry per document (the newest snapshot seen), least recently used first out, bounded by
 * bytes: a warm Lambda container keeps it too, and must not grow without bound.
 *
 * Every store of a process shares one (`sharedSnapshotCache`): the store that compacts a document
 * is often not the one that loads it for a newcomer (the host builds several). Sharing is safe
 * across tables and endpoints because an entry is only ever used when the head names its exact
 * attempt — a ULID no other compaction anywhere draws.
 */

export interface CachedSnapshot {
  version: number;
  /** The attempt that wrote it (`snapshotId` on the head). */
  snapshotId: string;
  bytes: Uint8Array;
}

export interface SnapshotCache {
  get(docId: string): CachedSnapshot | undefined;
  /** Keeps `entry` unless an entry for a newer version is already held. */
  set(docId: string, entry: CachedSnapshot): void;
}

/** 16 MB: ~60 B4-size statements' snapshots. */
export const defaultSnapshotCacheBytes = 16 * 1024 * 1024;

export function createSnapshotCache(input: { maxBytes?: number } = {}): SnapshotCache {
  const maxBytes = input.maxBytes ?? defaultSnapshotCacheBytes;
  const entries = new Map<string, CachedSnapshot>();
  let total = 0;

  const remove = (docId: string) => {
    const entry = entries.get(docId);
    if (!entry) return;
    total -= entry.bytes.length;
    entries.delete(docId);
  };

  return {
    get(docId) {
      const entry = entries.get(docId);
      if (!entry) return undefined;
      // Most recently used last: the Map's order is the eviction order.
      entries.delete(docId);
      entries.set(docId, entry);
      return entry;
    },
    set(docId, entry) {
      const held = entries.get(docId);
      // A load that began before this process's own compaction may finish after it.
      if (held && held.version > entry.version) return;
      remove(docId);
      if (entry.bytes.length > maxBytes) return;
      entries.set(docId, entry);
      total += entry.bytes.length;
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break;
        remove(oldest);
      }
    },
  };
}

const sharedKey = Symbol.for('concord.snapshot-cache');

/** The process's cache (found on `globalThis`: the web app is a bundle with its own copy of this module). */
export function sharedSnapshotCache(): SnapshotCache {
  const holder = globalThis as { [sharedKey]?: SnapshotCache };
  holder[sharedKey] ??= createSnapshotCache();
  return holder[sharedKey];
}
