/**
 * In-memory ConnectionRegistry with the DynamoDB one's contract (expiry checked on read). It says
 * it is `inMemory` (the local gateway's case) unless told to behave like a store registry
 * (`inMemory: false`), so the handlers' tests run both update paths.
 */
import type { ConnectionRecord, ConnectionRegistry } from '../ports.ts';

export function createMemoryConnectionRegistry(options: { pause?: () => Promise<void>; inMemory?: boolean } = {}): ConnectionRegistry {
  const records = new Map<string, ConnectionRecord>();
  const pause = options.pause ?? (() => Promise.resolve());
  const copy = (record: ConnectionRecord): ConnectionRecord => ({
    ...record,
    awareness: record.awareness ? { ...record.awareness } : null,
  });

  return {
    inMemory: options.inMemory ?? true,

    async add(record) {
      await pause();
      records.set(record.connectionId, copy(record));
    },

    async get({ connectionId, now }) {
      await pause();
      const record = records.get(connectionId);
      return record && record.expiresAt > now ? copy(record) : null;
    },

    async remove({ connectionId }) {
      await pause();
      const record = records.get(connectionId);
      records.delete(connectionId);
      return record ? copy(record) : null;
    },

    async listForDocument({ docId, now }) {
      await pause();
      return [...records.values()].filter((r) => r.docId === docId && r.expiresAt > now).map(copy);
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
