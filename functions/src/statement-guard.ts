/**
 * The sync core's UpdateGuard for statements and their translations: every client update is
 * judged against the editor's schema (`@concord/text` schema guard) before it is stored or sent
 * on. Most updates are judged from themselves alone (`precheckUpdate`); typing into existing text
 * needs the document, to find where each new piece lands. The guard keeps the documents it has
 * loaded (a few, least recently used first out), applying each update it lets through, so a
 * keystroke does not reload the text. The cache may run ahead of the store (an update judged,
 * then refused as frozen, or shown before it is durable) but never behind what this process
 * admitted: when an update's place is missing from it (written by another process), what the
 * store holds is merged *into* the cached document, never put in its place — a load started
 * before an update was admitted would otherwise lose it, and every update that follows would be
 * refused as unresolved in turn (the bench's 50-editor room: a cascade of reloads). Concurrent
 * checks of one document share one load. Applying is also the check that an update applies at
 * all (`appliesUpdates`): one that throws is refused, and the document it half-entered dropped.
 */
import { documentFrom, type DocumentState, type UpdateGuard } from '@concord/sync';
import { documentKindOf, guardUpdate, precheckUpdate } from '@concord/text';
import * as Y from 'yjs';

export function createStatementGuard(input: { cachedDocuments?: number } = {}): UpdateGuard {
  const limit = input.cachedDocuments ?? 64;
  const cache = new Map<string, Y.Doc>();
  const loading = new Map<string, Promise<DocumentState>>();

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

  /** What the store holds, merged into the cached document (made from it when there is none). */
  async function merged(docId: string, load: () => Promise<DocumentState>): Promise<Y.Doc> {
    let pending = loading.get(docId);
    if (!pending) {
      pending = load().finally(() => loading.delete(docId));
      loading.set(docId, pending);
    }
    const state = await pending;
    const cached = cache.get(docId);
    if (!cached) return remember(docId, documentFrom(state));
    if (state.snapshot) Y.applyUpdate(cached, state.snapshot);
    for (const { update } of state.updates) Y.applyUpdate(cached, update);
    return remember(docId, cached);
  }

  /** A document an update failed to apply to may hold half of it: dropped, loaded afresh next time. */
  function forget(docId: string, doc: Y.Doc): void {
    if (cache.get(docId) === doc) cache.delete(docId);
    doc.destroy();
  }

  return {
    appliesUpdates: true,
    prepare({ docId, state }) {
      // What a check loads or keeps is at least as recent: a newcomer's load never replaces it.
      if (!cache.has(docId) && !loading.has(docId)) remember(docId, documentFrom(state));
    },
    async check({ docId, update, load }) {
      const kind = documentKindOf(docId);
      const cached = cache.get(docId);
      // With the document at hand, one judgement against it covers everything the update adds;
      // without, the update alone is judged first, so a hostile one costs no load.
      const first = cached ? ({ ok: true, needsBase: true } as const) : precheckUpdate({ kind, update });
      if (!first.ok) return { ok: false, reason: first.reason };
      let base = cached ? remember(docId, cached) : await merged(docId, load);
      if (first.needsBase) {
        let judged = guardUpdate({ kind, base, update });
        if (!judged.ok && judged.reason === 'schema.unresolved' && cached) {
          base = await merged(docId, load);
          judged = guardUpdate({ kind, base, update });
        }
        if (!judged.ok) return { ok: false, reason: judged.reason };
      }
      try {
        Y.applyUpdate(base, update);
      } catch {
        forget(docId, base);
        return { ok: false, reason: 'sync.update-malformed' };
      }
      return { ok: true };
    },
  };
}
