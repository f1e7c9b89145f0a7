/**
 * Anchors: ranges of a statement's text held as Yjs relative positions, so that comments,
 * amendments and brackets stay on their words while people edit around them (PROTOCOL.md §7).
 * Pure Yjs (no ProseMirror): the browser turns its selection into text points first, the server
 * resolves anchors in the stored document and makes the replacements decisions call for.
 *
 * The text is read linearly: every Y.XmlText of the statement in document order (a paragraph or
 * heading holds one, or several around hard breaks), one line feed between two of them.
 */
import { fail, negotiationLimits, type Anchor } from '@concord/core';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import * as Y from 'yjs';
import { statementField } from './extensions.ts';

/** A point of the text: an index in one Y.XmlText. */
export interface TextPoint {
  text: Y.XmlText;
  index: number;
}

export type AnchorResolution =
  /** It names content this document does not have (yet): a client's edits not stored so far. */
  | { state: 'unknown' }
  /** Its words are gone (their paragraph deleted). */
  | { state: 'gone' }
  | {
      state: 'live';
      from: TextPoint;
      to: TextPoint;
      /** Both ends in the same Y.XmlText, in order: a range a replacement can go into. */
      sameText: boolean;
      /** The words now in the range (empty when it collapsed, or for an insertion point). */
      text: string;
      /** Offsets in the linear reading of the whole text (`textLength`). */
      start: number;
      end: number;
    };

/** A relative position as text (base64 of `Y.encodeRelativePosition`). */
export function encodePosition(position: Y.RelativePosition): string {
  return encodeBase64(Y.encodeRelativePosition(position));
}

/** The relative position `value` encodes, or null when it is not one. */
export function decodePosition(value: unknown): Y.RelativePosition | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > negotiationLimits.anchorMax) return null;
  try {
    return Y.decodeRelativePosition(decodeBase64(value));
  } catch {
    return null;
  }
}

/**
 * The anchor of the range between two points. `from` sticks to the character after it and `to`
 * to the character before it: typing just outside the range stays outside, and an empty range (an
 * insertion point) opens up, inverted, when someone types there.
 */
export function anchorBetween(input: { from: TextPoint; to: TextPoint }): Anchor {
  return {
    from: encodePosition(Y.createRelativePositionFromTypeIndex(input.from.text, input.from.index, 0)),
    to: encodePosition(Y.createRelativePositionFromTypeIndex(input.to.text, input.to.index, -1)),
  };
}

/** Every Y.XmlText of the statement, in document order. */
export function textLeaves(input: { doc: Y.Doc }): Y.XmlText[] {
  const leaves: Y.XmlText[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) leaves.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(input.doc.getXmlFragment(statementField));
  return leaves;
}

/** The characters of an XmlText, formatting left out. */
export function plainTextOf(text: Y.XmlText): string {
  const delta = text.toDelta() as { insert: unknown }[];
  return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** The length of the linear reading of the text: every leaf, a line feed between two. */
export function textLength(input: { doc: Y.Doc }): number {
  const leaves = textLeaves(input);
  return leaves.reduce((sum, leaf) => sum + leaf.length, 0) + Math.max(0, leaves.length - 1);
}

function isGone(type: Y.AbstractType<any>): boolean {
  for (let item = type._item; item; item = (item.parent as Y.AbstractType<any>)._item) if (item.deleted) return true;
  return false;
}

/** Whether the document holds the content a relative position names. */
function knows(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const id = position.item ?? position.type;
  return id === null || (Y.getState(doc.store, id.client) > id.clock);
}

function pointOf(doc: Y.Doc, position: Y.RelativePosition): TextPoint | 'gone' {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || isGone(absolute.type)) return 'gone';
  return { text: absolute.type, index: absolute.index };
}

/** Where an anchor is in `doc` now, and the words it covers. */
export function resolveAnchor(input: { doc: Y.Doc; anchor: Anchor }): AnchorResolution {
  const { doc } = input;
  const from = decodePosition(input.anchor.from);
  const to = decodePosition(input.anchor.to);
  if (!from || !to) throw fail.input('negotiation.anchor-invalid', 'The selection could not be read.');
  if (!knows(doc, from) || !knows(doc, to)) return { state: 'unknown' };
  const start = pointOf(doc, from);
  const end = pointOf(doc, to);
  if (start === 'gone' || end === 'gone') return { state: 'gone' };
  const leaves = textLeaves({ doc });
  const offsets = leafOffsets(leaves);
  const startOffset = (offsets.get(start.text) ?? 0) + start.index;
  const endOffset = (offsets.get(end.text) ?? 0) + end.index;
  const sameText = start.text === end.text && start.index <= end.index;
  const text = endOffset > startOffset ? textBetween({ leaves, from: start, to: end }) : '';
  return { state: 'live', from: start, to: end, sameText, text, start: startOffset, end: Math.max(startOffset, endOffset) };
}

function leafOffsets(leaves: readonly Y.XmlText[]): Map<Y.XmlText, number> {
  const offsets = new Map<Y.XmlText, number>();
  let offset = 0;
  for (const leaf of leaves) {
    offsets.set(leaf, offset);
    offset += leaf.length + 1;
  }
  return offsets;
}

function textBetween(input: { leaves: readonly Y.XmlText[]; from: TextPoint; to: TextPoint }): string {
  const { from, to } = input;
  if (from.text === to.text) return plainTextOf(from.text).slice(from.index, to.index);
  const first = input.leaves.indexOf(from.text);
  const last = input.leaves.indexOf(to.text);
  const middle = input.leaves.slice(first + 1, last).map(plainTextOf);
  return [plainTextOf(from.text).slice(from.index), ...middle, plainTextOf(to.text).slice(0, to.index)].join('\n');
}

/** The formatting of the character at `index` (bold, italic), to give a replacement the same. */
function attributesAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return { ...op.attributes };
    offset += length;
  }
  return {};
}

export interface Replacement {
  /** The change as one Yjs update (everything `doc` gained), to store and broadcast. */
  update: Uint8Array;
  /** The range of the new words, for a later revert. */
  applied: Anchor;
  /** The Yjs client id the change was made with. */
  client: number;
}

/**
 * Replaces the words of `anchor` in `doc` by `replacement` in one transaction, if the range lies
 * in one paragraph and still holds `expected`; otherwise a `conflict` (`negotiation.text-changed`).
 * `doc` must be built from the stored state with a client id of its own (a fresh Y.Doc): the
 * update then carries only this change.
 */
export function replaceAnchored(input: { doc: Y.Doc; anchor: Anchor; expected: string; replacement: string }): Replacement {
  const { doc, replacement } = input;
  const resolved = resolveAnchor(input);
  if (resolved.state !== 'live' || !resolved.sameText || resolved.text !== input.expected) {
    throw fail.conflict('negotiation.text-changed', 'The text changed since; propose again.');
  }
  const { text, index: from } = resolved.from;
  const to = resolved.to.index;
  const before = Y.encodeStateVector(doc);
  // An insertion takes the formatting around it; a replacement that of the words it replaces.
  const attributes = to > from ? attributesAt(text, from) : undefined;
  doc.transact(() => {
    if (to > from) text.delete(from, to - from);
    if (replacement) text.insert(from, replacement, attributes);
  });
  const applied = anchorBetween({ from: { text, index: from }, to: { text, index: from + replacement.length } });
  return { update: Y.encodeStateAsUpdate(doc, before), applied, client: doc.clientID };
}
