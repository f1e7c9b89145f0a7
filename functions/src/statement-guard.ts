/**
 * The sync core's UpdateGuard for statements and their translations: every client update is
 * judged against the editor's schema (`@concord/text` schema guard) before it is stored or sent
 * on. Most updates are judged from themselves alone (`precheckUpdate`); typing into existing text
 * needs the document, to find where each new piece lands. The guard keeps the documents it has
 * loaded (a few, least recently used first out), applying each update it lets through, so a
 * keystroke does not reload the text. The cache may run ahead of the store (an update judged,
 * then refused as frozen) but never behind what this process admitted; when an update's place is
 * missing from it (written by another process), it reloads once from the store before refusing.
 */
import { documentFrom, type DocumentState, type UpdateGuard } from '@concord/sync';
import { documentKindOf, guardUpdate, precheckUpdate } from '@concord/text';
import * as Y from 'yjs';

export function createStatementGuard(input: { cachedDocuments?: number } = {}): UpdateGuard {
  const limit = input.cachedDocuments ?? 64;
  const cache = new Map<string, Y.Doc>();

  function remember(docId: string, doc: Y.Doc): Y.Doc {
    cache.delete(docId);
    cache.set(docId, doc);
    for (const [oldest, old] of cache) {
      if (cache.size <= limit) break;
      cache.delete(oldest);
      old.destroy();
    }
    return doc;
  }

  async function fresh(docId: string, load: () => Promise<DocumentState>): Promise<Y.Doc> {
    cache.get(docId)?.destroy();
    cache.delete(docId);
    return remember(docId, documentFrom(await load()));
  }

  return {
    async check({ docId, update, load }) {
      const kind = documentKindOf(docId);
      const first = precheckUpdate({ kind, update });
      if (!first.ok) return { ok: false, reason: first.reason };
      const cached = cache.get(docId);
      let base = cached ? remember(docId, cached) : await fresh(docId, load);
      if (first.needsBase) {
        let judged = guardUpdate({ kind, base, update });
        if (!judged.ok && judged.reason === 'schema.unresolved' && cached) {
          base = await fresh(docId, load);
          judged = guardUpdate({ kind, base, update });
        }
        if (!judged.ok) return { ok: false, reason: judged.reason };
      }
      Y.applyUpdate(base, update);
      return { ok: true };
    },
  };
}
