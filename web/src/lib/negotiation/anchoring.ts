/**
 * Between the editor and anchors (PROTOCOL.md §7): the selection as an anchor (Yjs relative
 * positions in the shared text, made the way the server reads them, `@concord/text/anchors`),
 * and an anchor back as a range of the editor's document, for highlights.
 */
import type { Anchor } from '@concord/core';
import { anchorBetween, decodePosition, type TextPoint } from '@concord/text/anchors';
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.binding ? state : null;
}

function textPoint(sync: SyncState, pos: number): TextPoint | null {
  const relative = absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never);
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
  return absolute && absolute.type instanceof Y.XmlText ? { text: absolute.type, index: absolute.index } : null;
}

/** The selected range as an anchor with its words; null when nothing (or no text) is selected. */
export function selectionAnchor(editor: Editor): { anchor: Anchor; quote: string } | null {
  const sync = syncState(editor);
  const { from, to, empty } = editor.state.selection;
  if (!sync || empty) return null;
  const start = textPoint(sync, from);
  const end = textPoint(sync, to);
  if (!start || !end) return null;
  return { anchor: anchorBetween({ from: start, to: end }), quote: editor.state.doc.textBetween(from, to, '\n') };
}

/** Where an anchor is in the editor's document now; null when its text is gone or not here yet. */
export function anchorRange(editor: Editor, anchor: Anchor): { from: number; to: number } | null {
  const sync = syncState(editor);
  if (!sync) return null;
  const from = decodePosition(anchor.from);
  const to = decodePosition(anchor.to);
  if (!from || !to) return null;
  try {
    const start = relativePositionToAbsolutePosition(sync.doc, sync.type, from, sync.binding!.mapping as never);
    const end = relativePositionToAbsolutePosition(sync.doc, sync.type, to, sync.binding!.mapping as never);
    if (start === null || end === null || end < start) return null;
    return { from: start, to: end };
  } catch {
    return null;
  }
}
