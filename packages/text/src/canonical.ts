/**
 * The canonical text of a statement and its content hash: what identifies a version. The form is
 * defined once, in CANONICAL.md beside this package; change it only with a new name, because
 * every stored and cited hash depends on it.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import * as Y from 'yjs';
import { readBlocks, textMarks, type InlinePiece, type TextBlock, type TextMark } from './blocks.ts';

const delimiters: Record<TextMark, string> = { bold: '**', italic: '_' };

/**
 * The statement's text in its canonical form (CANONICAL.md): Markdown-like, one block after the
 * other in document order, NFC, LF line endings, no trailing spaces, blocks separated by one
 * blank line, ending with one line feed ('' for a text without words). Depends only on what a
 * reader sees: the same text reached by different edits gives the same string.
 */
export function canonicalText(input: { doc: Y.Doc }): string {
  const blocks = readBlocks(input).filter(isKept);
  let text = '';
  blocks.forEach((block, index) => {
    if (index > 0) text += block.topLevel ? '\n\n' : '\n';
    text += blockLine(block);
  });
  const lines = text.normalize('NFC').split('\n').map((line) => line.trimEnd());
  const joined = lines.join('\n');
  return joined.length > 0 ? `${joined}\n` : '';
}

/** Hex SHA-256 of the UTF-8 of {@link canonicalText}: a version's identity, citable and checkable anywhere. */
export function contentHash(input: { doc: Y.Doc }): string {
  return hashCanonicalText({ text: canonicalText(input) });
}

/** Hex SHA-256 of a canonical text's UTF-8 (for tools that hold the text, not the document). */
export function hashCanonicalText(input: { text: string }): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(input.text)));
}

/**
 * The statement's paragraphs, for translating paragraph by paragraph: each text block (heading,
 * paragraph, list item) kept by the canonical form, as its canonical line(s) without indentation,
 * with the hex SHA-256 of that string.
 */
export function canonicalParagraphs(input: { doc: Y.Doc }): { text: string; hash: string }[] {
  return readBlocks(input)
    .filter(isKept)
    .map((block) => {
      const text = blockLine(block).normalize('NFC').split('\n').map((line) => line.trimEnd()).join('\n').trim();
      return { text, hash: hashCanonicalText({ text }) };
    });
}

/** {@link canonicalParagraphs} of a full-state update (format v2, as versions are stored). */
export function canonicalParagraphsOfState(input: { state: Uint8Array }): { text: string; hash: string }[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, input.state);
    return canonicalParagraphs({ doc });
  } finally {
    doc.destroy();
  }
}

/** The canonical text of a full-state update (Yjs update format v2, as versions are stored). */
export function canonicalTextOfState(input: { state: Uint8Array }): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, input.state);
    return canonicalText({ doc });
  } finally {
    doc.destroy();
  }
}

/** Empty paragraphs and headings hold no words: not part of the text. List items always are (a bullet shows). */
function isKept(block: TextBlock): boolean {
  if (block.kind === 'bullet' || block.kind === 'numbered') return true;
  return block.pieces.some((piece) => 'text' in piece && piece.text.trim().length > 0);
}

function blockLine(block: TextBlock): string {
  // Lines of a block after a hard break continue under its text, not under its marker.
  const continuation = block.indent + (block.marker ? block.marker.length + 1 : 0);
  const inline = escapeStart(inlineMarkdown({ pieces: block.pieces, continuation }));
  const prefix = ' '.repeat(block.indent) + (block.marker ? `${block.marker} ` : '');
  return prefix + inline;
}

/**
 * Runs with their marks as `**bold**` and `_italic_`. Marks open and close in one fixed order
 * (bold outside italic), so equal runs always give equal text however the store split them.
 * `continuation` is the indentation of lines after a hard break.
 */
export function inlineMarkdown(input: { pieces: readonly InlinePiece[]; continuation: number }): string {
  const { continuation } = input;
  const units = input.pieces.map((piece): MarkedUnit => ('hardBreak' in piece ? piece : { marks: piece.marks, markdown: escapeText({ text: piece.text, continuation }) }));
  return markedMarkdown({ units, continuation });
}

/** Markdown already written for its words (escaped text, a whole link), with the marks to put around it; or a hard break. */
export type MarkedUnit = { marks: readonly TextMark[]; markdown: string } | { hardBreak: true };

/**
 * Units with their marks opened and closed as the canonical text does: in the fixed order, each
 * kept open while the next unit has it too, all closed at a hard break. The Markdown export writes
 * its links through this too, so its marks nest exactly as the canonical text's.
 */
export function markedMarkdown(input: { units: readonly MarkedUnit[]; continuation: number }): string {
  let out = '';
  const open: TextMark[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) out += delimiters[open.pop() as TextMark];
  };
  for (const unit of input.units) {
    if ('hardBreak' in unit) {
      closeTo(0);
      out += `\\\n${' '.repeat(input.continuation)}`;
      continue;
    }
    const wanted = textMarks.filter((mark) => unit.marks.includes(mark));
    let kept = 0;
    while (kept < open.length && open[kept] === wanted[kept]) kept += 1;
    closeTo(kept);
    for (const mark of wanted.slice(kept)) {
      out += delimiters[mark];
      open.push(mark);
    }
    out += unit.markdown;
  }
  closeTo(0);
  return out;
}

/** Backslash before the characters that would read as marks; a line feed in text reads as a break. */
function escapeText(input: { text: string; continuation: number }): string {
  return input.text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\*_]/g, (c) => `\\${c}`)
    .replace(/\n/g, `\\\n${' '.repeat(input.continuation)}`);
}

/** A block whose words begin like a heading or list marker gets a backslash, so it cannot read as one. */
function escapeStart(text: string): string {
  return /^(#|[-+>]|\d+[.)])/.test(text) ? `\\${text}` : text;
}
