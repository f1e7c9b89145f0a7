/**
 * In-memory ConnectionRegistry with the DynamoDB one's contract (expiry checked on read), indexed
 * by document. It says it is `inMemory` (the local gateway's case) unless told to behave like a
 * store registry (`inMemory: false`), so the handlers' tests run both update paths. Given the
 * documents' heads (`heads`, from a memory store), it reads the room with the head as Lambda's
 * registry does (`readRoom`), for the store's `freezeCheck: 'room-read'`.
 *
 * Its records are frozen and replaced, never changed in place, so `listLive` — read on every
 * keystroke — hands out the records themselves; the store-like reads still answer copies.
 */
import type { ConnectionRecord, ConnectionRegistry, RoomRead } from '../ports.ts';

export interface MemoryConnectionRegistryOptions {
  pause?: () => Promise<void>;
  inMemory?: boolean;
  heads?: (docId: string) => Omit<RoomRead, 'connections'>;
}

/** The port, and a person's connections across documents (what the local gateway's readers ask). */
export type MemoryConnectionRegistry = ConnectionRegistry & {
  listByUser(input: { userId: string; now: number }): Promise<ConnectionRecord[]>;
};

export function createMemoryConnectionRegistry(options: MemoryConnectionRegistryOptions = {}): MemoryConnectionRegistry {
  const records = new Map<string, Readonly<ConnectionRecord>>();
  const byDocument = new Map<string, Map<string, Readonly<ConnectionRecord>>>();
  const pause = options.pause ?? (() => Promise.resolve());
  const copy = (record: ConnectionRecord): ConnectionRecord => ({
    ...record,
    awareness: record.awareness ? { ...record.awareness } : null,
  });
  const frozen = (record: ConnectionRecord): Readonly<ConnectionRecord> =>
    Object.freeze({ ...record, awareness: record.awareness ? Object.freeze({ ...record.awareness }) : null });
  /** Puts `record` in place of the one with its id, in both indexes. */
  const keep = (record: Readonly<ConnectionRecord>) => {
    records.set(record.connectionId, record);
    const room = byDocument.get(record.docId) ?? new Map<string, ConnectionRecord>();
    room.set(record.connectionId, record);
    byDocument.set(record.docId, room);
  };

  function forget(connectionId: string): ConnectionRecord | undefined {
    const record = records.get(connectionId);
    if (!record) return undefined;
    records.delete(connectionId);
    const room = byDocument.get(record.docId);
    room?.delete(connectionId);
    if (room?.size === 0) byDocument.delete(record.docId);
    return record;
  }

  const liveRecords = (docId: string, now: number): readonly ConnectionRecord[] => [...(byDocument.get(docId)?.values() ?? [])].filter((r) => r.expiresAt > now);
  const live = (docId: string, now: number) => liveRecords(docId, now).map(copy);
  const heads = options.heads;

  return {
    inMemory: options.inMemory ?? true,
    ...(heads
      ? {
          async readRoom({ docId, now }: { docId: string; now: number }): Promise<RoomRead> {
            await pause();
            return { connections: live(docId, now), ...heads(docId) };
          },
        }
      : {}),

    async add(record) {
      await pause();
      forget(record.connectionId);
      keep(frozen(record));
    },

    async get({ connectionId, now }) {
      await pause();
      const record = records.get(connectionId);
      return record && record.expiresAt > now ? copy(record) : null;
    },

    async remove({ connectionId }) {
      await pause();
      const record = forget(connectionId);
      return record ? copy(record) : null;
    },

    async countForUser({ userId, now }) {
      await pause();
      let count = 0;
      for (const record of records.values()) if (record.principal.userId === userId && record.expiresAt > now) count += 1;
      return count;
    },

    async listByUser({ userId, now }) {
      await pause();
      return [...records.values()].filter((r) => r.principal.userId === userId && r.expiresAt > now).map(copy);
    },

    async listForDocument({ docId, now }) {
      await pause();
      return live(docId, now);
    },

    // A registry that stands in for a store one (`inMemory: false`) answers only by a read.
    ...(options.inMemory === false ? {} : { listLive: ({ docId, now }: { docId: string; now: number }) => liveRecords(docId, now) }),

    async setAwareness({ connectionId, docId, entry }) {
      await pause();
      const record = records.get(connectionId);
      if (!record || record.docId !== docId) return 'conflict';
      const stored = record.awareness;
      if (stored && stored.clientId !== entry.clientId) return 'conflict';
      if (stored && (entry.clock < stored.clock || (entry.clock === stored.clock && entry.state !== null))) return 'stale';
      keep(frozen({ ...record, awareness: entry }));
      return 'ok';
    },
  };
}
