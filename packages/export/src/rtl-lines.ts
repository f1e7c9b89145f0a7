/**
 * Right-to-left paragraphs for the PDF. PDFKit shapes an Arabic word (joining forms, its letters
 * right to left) but lays the words of a line out left to right, which reverses every Arabic
 * sentence. So right-to-left text is broken into lines here and each line's words are put in
 * visual order by the Unicode Bidirectional Algorithm (`bidi-js`): rule L2 reverses runs of words
 * by embedding level, so an English name or a number inside Arabic keeps its own order.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** The words of a paragraph in lines no wider than `width`, each line in drawing order (left to right). */
export function rtlLines(input: { text: string; width: number; measure: (word: string) => number; space: number }): string[][] {
  const words = input.text.split(/\s+/u).filter(Boolean);
  return rtlWordLines({ ...input, words }).map((line) => line.map((index) => words[index]!));
}

/** As `rtlLines`, for words already split: each line as the words' indices, in drawing order (so a caller can find what it knows of each word, such as its link). */
export function rtlWordLines(input: { words: readonly string[]; width: number; measure: (word: string) => number; space: number }): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let used = 0;
  input.words.forEach((word, index) => {
    const size = input.measure(word);
    // A word wider than the line gets a line of its own (PDFKit would clip it the same way).
    if (line.length > 0 && used + input.space + size > input.width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? input.space : 0) + size;
    line.push(index);
  });
  if (line.length > 0) lines.push(line);
  return lines.map((indices) => visualOrderIndices(indices.map((index) => input.words[index]!)).map((at) => indices[at]!));
}

/** One line's words (logical order) in visual order, in a right-to-left paragraph. */
export function visualOrder(words: readonly string[]): string[] {
  return visualOrderIndices(words).map((index) => words[index]!);
}

/** The visual order of one line's words, as indices into `words`. */
function visualOrderIndices(words: readonly string[]): number[] {
  const text = words.join(' ');
  const { levels } = bidi.getEmbeddingLevels(text, 'rtl');
  // A word takes the level of its strongest (highest) character: "(APC)" sits with its letters.
  const wordLevels: number[] = [];
  let at = 0;
  for (const word of words) {
    let level = 0;
    for (let i = 0; i < word.length; i++) level = Math.max(level, levels[at + i] ?? 0);
    wordLevels.push(level);
    at += word.length + 1;
  }
  const order = words.map((_, index) => index);
  const highest = Math.max(...wordLevels, 0);
  // L2: from the highest level down to the lowest odd one, reverse every run at or above it.
  for (let level = highest; level >= 1; level--) {
    for (let start = 0; start < order.length; ) {
      if (wordLevels[order[start]!]! < level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < order.length && wordLevels[order[end + 1]!]! >= level) end++;
      order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
      start = end + 1;
    }
  }
  return order;
}
