/** The stored text, and where an anchor sent by a client is in it. */
import { fail, type Anchor } from '@concord/core';
import { documentFrom } from '@concord/sync/document';
import { resolveAnchor } from '@concord/text/anchors';
import type * as Y from 'yjs';
import type { NegotiationPorts } from './ports.ts';

/** The statement's stored text as a fresh Y.Doc (its own client id: changes made on it are ours). */
export async function storedText(input: { ports: Pick<NegotiationPorts, 'texts'>; docId: string }): Promise<Y.Doc> {
  return documentFrom(await input.ports.texts.load({ docId: input.docId }));
}

/**
 * The words a new comment, amendment or bracket is about, read from the stored text (not taken
 * from the client). A range naming text not stored yet (edits still on their way) or gone is
 * refused: the client tries again once its edits are saved.
 */
export function wordsAt(input: { doc: Y.Doc; anchor: Anchor }): { text: string; sameText: boolean; start: number; end: number } {
  const resolved = resolveAnchor(input);
  if (resolved.state === 'unknown') throw fail.conflict('negotiation.text-not-saved', 'Your latest edits are still being saved; try again in a moment.');
  if (resolved.state === 'gone') throw fail.conflict('negotiation.text-gone', 'The selected text was deleted meanwhile.');
  return { text: resolved.text, sameText: resolved.sameText, start: resolved.start, end: resolved.end };
}
