import { isDomainError } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { deepMarkdown } from './testing/bombs.ts';
import { checkTextLimits, textLimits } from './text-limits.ts';

const codeOf = (markdown: string) => {
  try {
    checkTextLimits({ markdown });
    return 'accepted';
  } catch (thrown) {
    return isDomainError(thrown) ? thrown.code : thrown;
  }
};

describe('checkTextLimits', () => {
  it('accepts a statement with headings, lists nested a few levels and quotes', () => {
    const markdown = ['# Title', '', 'We call on states.', '', '1. First', '   - sub', '     - subsub', '2. Second', '', '> A quote', '> > inside'].join('\n');
    expect(codeOf(markdown)).toBe('accepted');
    expect(codeOf(deepMarkdown({ depth: textLimits.depth, shape: 'quotes' }))).toBe('accepted');
    expect(codeOf(deepMarkdown({ depth: textLimits.depth - 1, shape: 'indented' }))).toBe('accepted');
  });

  it.each(['quotes', 'markers', 'indented'] as const)('refuses %s nested past the limit', (shape) => {
    expect(codeOf(deepMarkdown({ depth: textLimits.depth + 1, shape }))).toBe('import.too-deep');
    // Thousands of levels overflow the lexer's stack; indented ones grow as the square of the depth.
    expect(codeOf(deepMarkdown({ depth: shape === 'indented' ? 400 : 5_000, shape }))).toBe('import.too-deep');
  });

  it('sees nesting whatever the line endings, tabs or ordered markers', () => {
    expect(codeOf(deepMarkdown({ depth: 40, shape: 'indented' }).replaceAll('\n', '\r'))).toBe('import.too-deep');
    expect(codeOf(`${'\t'.repeat(9)}- tabbed`)).toBe('import.too-deep');
    expect(codeOf(`${'1. '.repeat(20)}numbered`)).toBe('import.too-deep');
  });

  it('refuses a text past the characters or paragraphs a statement may have', () => {
    expect(codeOf('a'.repeat(textLimits.characters + 1))).toBe('import.too-long');
    expect(codeOf('a\n'.repeat(textLimits.paragraphs + 1))).toBe('import.too-long');
    expect(codeOf('a\n\n'.repeat(textLimits.paragraphs))).toBe('accepted');
  });
});
