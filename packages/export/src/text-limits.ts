/**
 * Limits on an imported (or typed) text, checked on the Markdown before any parser sees it: a
 * Markdown lexer recurses once per level of nested lists and quotes (thousands of levels overflow
 * its stack; a thousand indented levels take it 25 s), and a text far longer than a statement
 * makes a document no editor can open. The check is one linear pass over the lines.
 */
import { fail } from '@concord/core';

export const textLimits = {
  /** Characters of Markdown: the same cap as a text typed into the new-statement form. */
  characters: 200_000,
  /** Non-empty lines (each at most one paragraph, heading or list item). */
  paragraphs: 5_000,
  /** Levels of lists and quotes inside one another. */
  depth: 16,
} as const;

/**
 * Refuses (`input` DomainErrors) `import.too-long` past `characters` or `paragraphs`, and
 * `import.too-deep` past `depth`. Depth is over-counted on purpose (every two spaces of indent
 * and every `>`, `-`, `+`, `*`, `1.` opening a line count one), so nothing nested deeper gets
 * through to the lexer.
 */
export function checkTextLimits(input: { markdown: string }): void {
  const { markdown } = input;
  if (markdown.length > textLimits.characters) throw tooLong();
  let paragraphs = 0;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    paragraphs += 1;
    if (paragraphs > textLimits.paragraphs) throw tooLong();
    if (depthOf(line) > textLimits.depth) throw fail.input('import.too-deep', 'Lists or quotes are nested too deep.');
  }
}

const containerMarker = /^(?:>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$))[ \t]*/;

function depthOf(line: string): number {
  let depth = Math.floor(indentOf(line) / 2);
  let rest = line.trimStart();
  for (let match = containerMarker.exec(rest); match; match = containerMarker.exec(rest)) {
    depth += 1;
    if (depth > textLimits.depth) return depth;
    rest = rest.slice(match[0].length);
  }
  return depth;
}

/** Leading whitespace in columns (a tab counts four). */
function indentOf(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4;
    else break;
  }
  return columns;
}

function tooLong() {
  return fail.input('import.too-long', 'The text is longer than a statement can be.');
}
