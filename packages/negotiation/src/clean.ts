/**
 * Whether a statement's text is clean — no bracket open (DESIGN.md §2): a consensus call needs
 * it. One consistent query of the statement's negotiation partition; no access check here (the
 * caller authorized its own act on the statement).
 */
import { bracketedShare, isClean } from '@concord/core';
import { resolveAnchor, textLength } from '@concord/text/anchors';
import type * as Y from 'yjs';
import type { NegotiationStore } from './ports.ts';

/** True when no bracket of the statement is open. */
export async function isTextClean(input: { notes: Pick<NegotiationStore, 'list'>; statementId: string }): Promise<boolean> {
  return isClean((await input.notes.list({ docId: input.statementId })).brackets);
}

/** The open brackets' count and the share (0…1) of `doc`'s text inside them. */
export function bracketSummaryOf(input: { doc: Y.Doc; brackets: readonly { status: string; anchor: { from: string; to: string } }[] }): { openBrackets: number; bracketedShare: number } {
  const open = input.brackets.filter((b) => b.status === 'open');
  const ranges = open.flatMap((b) => {
    try {
      const resolved = resolveAnchor({ doc: input.doc, anchor: b.anchor });
      return resolved.state === 'live' ? [{ from: resolved.start, to: resolved.end }] : [];
    } catch {
      return [];
    }
  });
  return { openBrackets: open.length, bracketedShare: bracketedShare({ ranges, totalChars: textLength({ doc: input.doc }) }) };
}
