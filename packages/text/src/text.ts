/**
 * Statements as Yjs documents: the initial update for imported Markdown, and a plain-text view
 * (one text block per line) that tests and tools use to compare documents.
 */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { statementField, statementSchema } from './extensions.ts';
import { markdownToProseMirrorJSON } from './markdown.ts';

/** Nodes whose children are inline content: each becomes one line of text. */
const textBlocks = new Set(['paragraph', 'heading']);

/**
 * Imports Markdown as a statement's text: a Yjs update holding the XmlFragment
 * {@link statementField}, ready to be stored as a document's first update.
 */
export function markdownToYUpdate(input: { markdown: string }): Uint8Array {
  const json = markdownToProseMirrorJSON({ markdown: input.markdown });
  const doc = prosemirrorJSONToYDoc(statementSchema(), json, statementField);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The text of a Yjs update (or merged state) of a statement, one text block per line. */
export function yUpdateToText(input: { update: Uint8Array }): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, input.update);
    return yDocToText({ doc });
  } finally {
    doc.destroy();
  }
}

/**
 * The text of a statement's Y.Doc, one text block (paragraph, heading, list item's paragraph)
 * per line, without list numbers or formatting. Reads the Yjs tree directly, so it needs no
 * schema and sees exactly what is stored.
 */
export function yDocToText(input: { doc: Y.Doc }): string {
  const lines: string[] = [];
  collectLines(input.doc.getXmlFragment(statementField), lines);
  return lines.join('\n');
}

function collectLines(parent: Y.XmlFragment | Y.XmlElement, lines: string[]): void {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (textBlocks.has(child.nodeName)) lines.push(inlineText(child));
    else collectLines(child, lines);
  }
}

function inlineText(block: Y.XmlElement): string {
  let text = '';
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) text += deltaText(child);
    else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') text += ' ';
  }
  return text;
}

function deltaText(node: Y.XmlText): string {
  const delta = node.toDelta() as Array<{ insert: unknown }>;
  return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}
