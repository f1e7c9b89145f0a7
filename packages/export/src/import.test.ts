import { isDomainError } from '@concord/core';
import { describe, expect, it } from 'vitest';
import { exportDocument } from './export.ts';
import { importKindOf, importSizeLimit, importToMarkdown } from './import.ts';
import { deepMarkdown, docxBomb, restreamed } from './testing/bombs.ts';
import { documentOf, fixture, fixtureParagraphs } from './testing/fixtures.ts';

const code = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (thrown) {
    return isDomainError(thrown) ? thrown.code : thrown;
  }
  return 'accepted';
};

describe('import of Markdown and DOCX', () => {
  for (const file of ['en.md', 'zh-TW.md']) {
    it(`a DOCX exported from the ${file} fixture imports back to the same text (canonical, hash and all)`, { timeout: 30_000 }, async () => {
      const original = documentOf({ markdown: fixture(`joint-statement-surveillance/${file}`), language: 'en', title: 'T' });
      const docx = await exportDocument({ format: 'docx', document: original });
      const markdown = await importToMarkdown({ filename: 'Statement.DOCX', bytes: docx.body });
      const imported = documentOf({ markdown, language: 'en', title: 'T' });
      // The title, version and hash lines the export puts above the text come back as paragraphs first.
      expect(imported.canonical.endsWith(original.canonical)).toBe(true);
      expect(imported.blocks.slice(-16).map((b) => b.kind)).toEqual(original.blocks.map((b) => b.kind));
    });
  }

  it('takes Markdown as it is (a BOM dropped), and keeps every fixture paragraph', async () => {
    const md = fixture('joint-statement-surveillance/zh-TW.md');
    const bytes = new TextEncoder().encode(`\uFEFF${md}`);
    const markdown = await importToMarkdown({ filename: 'zh-TW.md', bytes });
    expect(markdown).toBe(md);
    expect(documentOf({ markdown, language: 'zh-TW', title: 'T' }).blocks).toHaveLength(fixtureParagraphs(md).length);
  });

  it('refuses other kinds, empty, oversized, binary and broken files with a code', async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(await code(() => importToMarkdown({ filename: 'a.pdf', bytes: text('%PDF-1.7') }))).toBe('import.kind');
    expect(await code(() => importToMarkdown({ filename: 'a.md', bytes: new Uint8Array() }))).toBe('import.empty');
    expect(await code(() => importToMarkdown({ filename: 'a.md', bytes: text('  \n\n ') }))).toBe('import.empty');
    expect(await code(() => importToMarkdown({ filename: 'a.md', bytes: new Uint8Array(importSizeLimit + 1).fill(65) }))).toBe('import.too-large');
    expect(await code(() => importToMarkdown({ filename: 'a.md', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]) }))).toBe('import.not-text');
    expect(await code(() => importToMarkdown({ filename: 'a.docx', bytes: text('not a zip at all') }))).toBe('import.broken-docx');
    // A zip that is no Word document.
    expect(await code(() => importToMarkdown({ filename: 'a.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) }))).toBe('import.broken-docx');
    expect([importKindOf('x.markdown'), importKindOf('x.Docx'), importKindOf('x.doc')]).toEqual(['markdown', 'docx', null]);
  });

  it('reads a DOCX whose zip was streamed (data descriptors) as it reads Word’s own', { timeout: 30_000 }, async () => {
    const original = documentOf({ markdown: fixture('joint-statement-surveillance/en.md'), language: 'en', title: 'T' });
    const docx = await exportDocument({ format: 'docx', document: original });
    const markdown = await importToMarkdown({ filename: 'streamed.docx', bytes: restreamed(docx.body) });
    expect(documentOf({ markdown, language: 'en', title: 'T' }).canonical.endsWith(original.canonical)).toBe(true);
  });

  it('refuses a DOCX that unpacks far past a statement, before mammoth reads it', { timeout: 30_000 }, async () => {
    const bomb = docxBomb({ inflatedBytes: 24 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(importSizeLimit);
    expect(await code(() => importToMarkdown({ filename: 'bomb.docx', bytes: bomb }))).toBe('import.inflated-too-large');
  });

  it('refuses Markdown nested deeper, or longer, than a statement', async () => {
    const file = (markdown: string) => ({ filename: 'deep.md', bytes: new TextEncoder().encode(markdown) });
    expect(await code(() => importToMarkdown(file(deepMarkdown({ depth: 5_000, shape: 'quotes' }))))).toBe('import.too-deep');
    expect(await code(() => importToMarkdown(file(deepMarkdown({ depth: 5_000, shape: 'markers' }))))).toBe('import.too-deep');
    expect(await code(() => importToMarkdown(file('Paragraph.\n\n'.repeat(6_000))))).toBe('import.too-long');
  });
});

describe('hyperlinks in a Word file', () => {
  it('keep their words and safe addresses; an unsafe one keeps its words only', async () => {
    const { Document, ExternalHyperlink, Packer, Paragraph, TextRun } = await import('docx');
    const link = (text: string, href: string) => new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: 'Hyperlink' })] });
    const word = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('See '), link('the Covenant', 'https://www.ohchr.org/ccpr'), new TextRun(' or '), link('this', 'javascript:alert(1)'), new TextRun('.')] })] }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(word));
    const markdown = await importToMarkdown({ filename: 'statement.docx', bytes });
    expect(markdown).toContain('[the Covenant](<https://www.ohchr.org/ccpr>)');
    expect(markdown).toContain(' or this.');
    expect(markdown).not.toContain('javascript');
  });
});
