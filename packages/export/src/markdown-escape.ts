/**
 * Text made safe for Markdown viewers: whatever a statement, a name or an explanation holds, the
 * Markdown export shows it as text — never as raw HTML, a link, an image, code, a table or
 * strikethrough, and never as a heading or list item it was not. Marks (bold, italic) and hard
 * breaks are written as in the canonical text (`inlineMarkdown`); the other characters a
 * CommonMark or GFM viewer would read as syntax get a backslash (CommonMark allows one before any
 * ASCII punctuation, and shows the character itself).
 */
import { inlineMarkdown, markedMarkdown, textMarks, type InlinePiece, type MarkedUnit, type TextBlock } from '@concord/text';
import { inlineGroups } from './links.ts';

/** Characters `inlineMarkdown` leaves alone that open HTML, entities, links, code, tables, strikethrough. */
const syntax = /[`<>&|~[\]]/g;
const linkSyntax = /[`<>&|~[\]()]/g;

/** A line's start that would read as a heading, quote, list item or setext underline. */
const blockStart = /^( {0,3})(?:([#>+=-])|(\d{1,9})([.)]))/;

/** Escapes the start of one line of text (after its indentation). */
function escapeLineStart(line: string): string {
  return line.replace(blockStart, (_all, spaces: string, mark: string | undefined, digits: string | undefined, dot: string | undefined) =>
    // `\1.` would show the backslash: a numbered-list look-alike is escaped at its dot instead.
    mark ? `${spaces}\\${mark}` : `${spaces}${digits}\\${dot}`,
  );
}

/**
 * Text as `inlineMarkdown` escapes it (marks, line feeds), then every other syntax character; in
 * a link's words parentheses too (`marked` ends a link's words at `\\](`, escaped or not).
 */
const escapedText = (text: string, continuation: number, inLink: boolean) =>
  inlineMarkdown({ pieces: [{ text, marks: [] }], continuation }).replace(inLink ? linkSyntax : syntax, (c) => `\\${c}`);

/**
 * A link's address as a Markdown destination: characters that could end it or open something
 * else (space, parentheses, brackets, angle brackets, backslash, backtick) are percent-encoded and `&` is
 * escaped (an entity there would change the address). Only a safe address gets here (`inlineGroups`).
 */
export function markdownHref(href: string): string {
  // encodeURIComponent leaves parentheses alone; it is only needed for the UTF-8 of a non-ASCII space.
  const encode = (c: string) => (c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c));
  return href.replace(/[\s()<>[\]\\`]/gu, encode).replace(/&/g, '\\&');
}

const pieceUnit = (piece: InlinePiece, continuation: number, inLink = false): MarkedUnit =>
  'hardBreak' in piece ? piece : { marks: piece.marks, markdown: escapedText(piece.text, continuation, inLink) };

/**
 * Runs as Markdown with every syntax character of their text escaped, and each link (a safe
 * address only) as `[words](address)`: the marks all its words share go around it, the others
 * inside, so `**bold [link](…)**` stays well nested. `continuation` is the indentation of the
 * lines after a hard break (so they stay in their list item).
 */
export function safeInlineMarkdown(input: { pieces: readonly InlinePiece[]; continuation: number }): string {
  const { continuation } = input;
  const units = inlineGroups(input.pieces).flatMap((group): MarkedUnit[] => {
    if (group.href === undefined) return group.pieces.map((piece) => pieceUnit(piece, continuation));
    const words = group.pieces.filter((piece): piece is Extract<InlinePiece, { text: string }> => !('hardBreak' in piece));
    const shared = textMarks.filter((mark) => words.every((piece) => piece.marks.includes(mark)));
    const inner = words.map((piece) => pieceUnit({ text: piece.text, marks: piece.marks.filter((mark) => !shared.includes(mark)) }, continuation, true));
    return [{ marks: shared, markdown: `[${markedMarkdown({ units: inner, continuation })}](${markdownHref(group.href)})` }];
  });
  const indent = ' '.repeat(continuation);
  return markedMarkdown({ units, continuation })
    .split('\n')
    .map((line, index) => (index === 0 ? escapeLineStart(line) : indent + escapeLineStart(line.slice(continuation))))
    .join('\n');
}

/** Plain text (a name, an explanation, a translated paragraph) as safe Markdown. */
export function safeMarkdownText(text: string): string {
  return safeInlineMarkdown({ pieces: [{ text, marks: [] }], continuation: 0 });
}

/** One block as a Markdown line (or lines): indentation, its marker, its escaped text. */
export function safeBlockMarkdown(block: TextBlock): string {
  const continuation = block.indent + (block.marker ? block.marker.length + 1 : 0);
  const prefix = ' '.repeat(block.indent) + (block.marker ? `${block.marker} ` : '');
  return prefix + safeInlineMarkdown({ pieces: block.pieces, continuation });
}

/** The blocks as a Markdown body, laid out as the canonical text is (a blank line between top-level blocks). */
export function safeBlocksMarkdown(blocks: readonly TextBlock[]): string {
  const body = blocks.map((block, index) => (index > 0 ? (block.topLevel ? '\n\n' : '\n') : '') + safeBlockMarkdown(block)).join('');
  return body.length > 0 ? `${body}\n` : '';
}
