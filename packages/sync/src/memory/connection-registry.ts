/**
 * In-memory ConnectionRegistry with the DynamoDB one's contract (expiry checked on read), indexed
 * by document. It says it is `inMemory` (the local gateway's case) unless told to behave like a
 * store registry (`inMemory: false`), so the handlers' tests run both update paths.
 */
import type { ConnectionRecord, ConnectionRegistry } from '../ports.ts';

export function createMemoryConnectionRegistry(options: { pause?: () => Promise<void>; inMemory?: boolean } = {}): ConnectionRegistry {
  const records = new Map<string, ConnectionRecord>();
  const byDocument = new Map<string, Map<string, ConnectionRecord>>();
  const pause = options.pause ?? (() => Promise.resolve());
  const copy = (record: ConnectionRecord): ConnectionRecord => ({
    ...record,
    awareness: record.awareness ? { ...record.awareness } : null,
  });

  function forget(connectionId: string): ConnectionRecord | undefined {
    const record = records.get(connectionId);
    if (!record) return undefined;
    records.delete(connectionId);
    const room = byDocument.get(record.docId);
    room?.delete(connectionId);
    if (room?.size === 0) byDocument.delete(record.docId);
    return record;
  }

  return {
    inMemory: options.inMemory ?? true,

    async add(record) {
      await pause();
      forget(record.connectionId);
      const stored = copy(record);
      records.set(record.connectionId, stored);
      const room = byDocument.get(record.docId) ?? new Map<string, ConnectionRecord>();
      room.set(record.connectionId, stored);
      byDocument.set(record.docId, room);
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

    async listForDocument({ docId, now }) {
      await pause();
      return [...(byDocument.get(docId)?.values() ?? [])].filter((r) => r.expiresAt > now).map(copy);
    },

    async setAwareness({ connectionId, docId, entry }) {
      await pause();
      const record = records.get(connectionId);
      if (!record || record.docId !== docId) return 'conflict';
      const stored = record.awareness;
      if (stored && stored.clientId !== entry.clientId) return 'conflict';
      if (stored && (entry.clock < stored.clock || (entry.clock === stored.clock && entry.state !== null))) return 'stale';
      record.awareness = { ...entry };
      return 'ok';
    },
  };
}
