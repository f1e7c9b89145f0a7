/**
 * In-memory VersionStore with the DynamoDB store's contract, for unit tests and the store
 * contract suite. `pause` is awaited between reading the latest version and claiming the next
 * number, where a real store makes two requests, so tests can race two appends there.
 */
import { fail } from '@concord/core';
import { refuseTaken } from './names.ts';
import type { StoredVersion, Version, VersionStore } from './ports.ts';

const maxAttempts = 20;

export function createMemoryVersionStore(options: { pause?: () => Promise<void> } = {}): VersionStore {
  const byDoc = new Map<string, StoredVersion[]>();
  const pause = options.pause ?? (() => Promise.resolve());
  const versionsOf = (docId: string) => byDoc.get(docId) ?? byDoc.set(docId, []).get(docId)!;
  const withoutState = ({ state: _state, ...version }: StoredVersion): Version => structuredClone(version);

  return {
    async append({ docId, version, state, when }) {
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const stored = versionsOf(docId);
        const latest = stored.at(-1) ?? null;
        if (when && !when(latest && withoutState(latest))) return null;
        if (version.kind === 'named' && version.name !== null) refuseTaken(stored, version.name);
        const seq = (latest?.seq ?? 0) + 1;
        await pause();
        // The conditional put: the number must still be free.
        if (stored.some((v) => v.seq === seq)) continue;
        if (version.kind === 'named' && version.name !== null) refuseTaken(stored, version.name);
        const record: StoredVersion = { ...structuredClone(version), docId, seq, bytes: state.length, state: state.slice() };
        stored.push(record);
        return withoutState(record);
      }
      throw fail.conflict('versions.append-contended', `no version stored after ${maxAttempts} attempts`);
    },

    async latest({ docId }) {
      const latest = versionsOf(docId).at(-1);
      return latest ? withoutState(latest) : null;
    },

    async list({ docId, limit }) {
      const newestFirst = [...versionsOf(docId)].reverse().map(withoutState);
      return limit === undefined ? newestFirst : newestFirst.slice(0, limit);
    },

    async get({ docId, seq }) {
      const found = versionsOf(docId).find((v) => v.seq === seq);
      return found ? { ...withoutState(found), state: found.state.slice() } : null;
    },
  };
}

