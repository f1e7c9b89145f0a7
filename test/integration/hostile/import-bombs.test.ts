/**
 * Hostile input, import bombs at the package's edge: the reported cases — a 350 KB DOCX that
 * inflates to 100 MB, Markdown nested 20,000 deep — are refused by `importToMarkdown` with a code,
 * quickly, before mammoth or a Markdown lexer sees them. (That the new-statement action then
 * creates nothing, and says why in the reader's language: `web/src/lib/server/exports/upload.test.ts`.)
 */
import { isDomainError } from '@concord/core';
import { importSizeLimit, importToMarkdown } from '@concord/export';
import { deepMarkdown, docxBomb } from '@concord/export/testing/bombs';
import { describe, expect, it } from 'vitest';

async function refusal(input: { filename: string; bytes: Uint8Array }) {
  const started = performance.now();
  try {
    await importToMarkdown(input);
    return { code: 'accepted', ms: performance.now() - started };
  } catch (caught) {
    return { code: isDomainError(caught) ? caught.code : caught, ms: performance.now() - started };
  }
}

describe('[G8] import bombs', () => {
  it('stops a 350 KB DOCX that inflates to 100 MB after the first 8 MB', async () => {
    const bomb = docxBomb({ inflatedBytes: 100 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(importSizeLimit);
    const { code, ms } = await refusal({ filename: 'minutes.docx', bytes: bomb });
    expect(code).toBe('import.inflated-too-large');
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses Markdown nested 20,000 deep (the lexer overflowed its stack) in a few milliseconds', async () => {
    for (const shape of ['quotes', 'markers'] as const) {
      const { code, ms } = await refusal({ filename: 'deep.md', bytes: new TextEncoder().encode(deepMarkdown({ depth: 20_000, shape })) });
      expect(code, shape).toBe('import.too-deep');
      expect(ms).toBeLessThan(1_000);
    }
  });
});
