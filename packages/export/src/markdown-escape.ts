/**
 * Text made safe for Markdown viewers: whatever a statement, a name or an explanation holds, the
 * Markdown export shows it as text — never as raw HTML, a link, an image, code, a table or
 * strikethrough, and never as a heading or list item it was not. Marks (bold, italic) and hard
 * breaks are written as in the canonical text (`inlineMarkdown`); the other characters a
 * CommonMark or GFM viewer would read as syntax get a backslash (CommonMark allows one before any
 * ASCII punctuation, and shows the character itself).
 */
import { inlineMarkdown, type InlinePiece, type TextBlock } from '@concord/text';

/** Characters `inlineMarkdown` leaves alone that open HTML, entities, links, code, tables, strikethrough. */
const syntax = /[`<>&|~[\]]/g;

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
 * Runs as Markdown with every syntax character escaped; `continuation` is the indentation of the
 * lines after a hard break (so they stay in their list item).
 */
export function safeInlineMarkdown(input: { pieces: readonly InlinePiece[]; continuation: number }): string {
  const indent = ' '.repeat(input.continuation);
  return inlineMarkdown(input)
    .replace(syntax, (c) => `\\${c}`)
    .split('\n')
    .map((line, index) => (index === 0 ? escapeLineStart(line) : indent + escapeLineStart(line.slice(input.continuation))))
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
