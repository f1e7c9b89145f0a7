import type { TranslationRecord, TranslationStore } from './ports.ts';

/** The translation store in memory, for unit tests. */
export function createMemoryTranslationStore(): TranslationStore {
  const items = new Map<string, TranslationRecord>();
  return {
    async add({ translation }) {
      const key = `${translation.statementId} ${translation.language}`;
      if (items.has(key)) return false;
      items.set(key, structuredClone(translation));
      return true;
    },
    async list({ statementId }) {
      return [...items.values()].filter((t) => t.statementId === statementId).sort((a, b) => a.language.localeCompare(b.language));
    },
  };
}
