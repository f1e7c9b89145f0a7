import mammoth from 'mammoth';
import { marked } from 'marked';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { exportDocument, exportFormats, type ExportFormat } from './export.ts';
import { importToMarkdown } from './import.ts';
import { linkedDocx } from './testing/linked-docx.ts';
import { blockLinks, inlineGroups } from './links.ts';
import { markdownHref } from './markdown-escape.ts';
import { documentOf, loadFonts } from './testing/fixtures.ts';
import type { ExportDocument } from './document.ts';

const udhr = 'https://www.un.org/en/about-us/universal-declaration-of-human-rights';
const iccpr = 'https://www.ohchr.org/en/instruments/iccpr';
const hrc = 'https://www.ohchr.org/zh/hrbodies/hrc';
const udhrAr = 'https://www.un.org/ar/universal-declaration-of-human-rights';
const fonts = loadFonts();

/** A text with two links (one inside bold and italic words), one in Chinese, and an unsafe one the import drops. */
const markdown = [
  `The [Universal Declaration](${udhr}) binds, and **so does _the [ICCPR](${iccpr})_**.`,
  `見[聯合國人權理事會](${hrc})的決議。`,
  'Never [click here](javascript:alert(1)).',
].join('\n\n');

/** The same document with an unsafe address slipped into a run, as a hand-built document could hold. */
function withUnsafeRun(document: ExportDocument): ExportDocument {
  const [first, ...rest] = document.blocks;
  return { ...document, blocks: [{ ...first!, pieces: [...first!.pieces, { text: ' evil', marks: [], href: 'javascript:alert(2)' }] }, ...rest] };
}

const document = withUnsafeRun(documentOf({ markdown, language: 'en', title: 'Links' }));
const arabic = documentOf({ markdown: `انظر [الإعلان العالمي](${udhrAr}) اليوم، و[العهد الدولي](${iccpr}) أيضا.`, language: 'ar', title: 'روابط' });
const text = async (format: ExportFormat, doc = document) => new TextDecoder().decode((await exportDocument({ format, document: doc, fonts })).body);

/** Every link annotation's address in a PDF, page by page. */
async function pdfLinks(doc: ExportDocument): Promise<string[]> {
  const pdf = await getDocumentProxy((await exportDocument({ format: 'pdf', document: doc, fonts })).body);
  const urls: string[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    for (const annotation of (await (await pdf.getPage(page)).getAnnotations()) as { subtype: string; url?: string }[]) if (annotation.subtype === 'Link' && annotation.url) urls.push(annotation.url);
  }
  return urls;
}

describe('links in the exports', () => {
  it('groups the runs of a link, and never keeps an unsafe address', () => {
    const groups = inlineGroups(document.blocks[0]!.pieces);
    expect(groups.map((g) => g.href)).toEqual([undefined, udhr, undefined, iccpr, undefined]);
    expect(groups[1]!.pieces).toHaveLength(1);
    expect(blockLinks(document.blocks[0]!).map((l) => l.text)).toEqual(['Universal Declaration', 'ICCPR']);
  });

  it('no format carries an unsafe address; the words stay', async () => {
    for (const format of exportFormats) {
      const body = format === 'docx' || format === 'pdf' ? new TextDecoder('latin1').decode((await exportDocument({ format, document, fonts })).body) : await text(format);
      expect(body, format).not.toMatch(/javascript/i);
    }
    expect(await text('markdown')).toContain('Never click here.');
    expect(await text('html')).toContain(' evil</p>');
  });

  it('Markdown: [words](address), the words escaped and the marks nested around the link', async () => {
    const md = await text('markdown');
    expect(md).toContain(`The [Universal Declaration](${udhr}) binds, and **so does _the [ICCPR](${iccpr})_**.`);
    expect(md).toContain(`見[聯合國人權理事會](${hrc})的決議。`);
    const html = await marked.parse(md);
    expect([...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1])).toEqual([udhr, iccpr, hrc]);
    expect(html).toContain(`<strong>so does <em>the <a href="${iccpr}">ICCPR</a></em></strong>`);
  });

  it('Markdown: an address cannot break out of its link', async () => {
    expect(markdownHref('https://e.org/a (b)<c>`d\\e&f[g]')).toBe('https://e.org/a%20%28b%29%3Cc%3E%60d%5Ce\\&f%5Bg%5D');
    const hostile = 'https://e.org/x)[y](javascript:alert(1)';
    const doc = documentOf({ markdown: 'Read it.', language: 'en', title: 'T' });
    const md = await text('markdown', { ...doc, blocks: [{ ...doc.blocks[0]!, pieces: [{ text: 'a [b](c) <i>', marks: [], href: hostile }] }] });
    const html = await marked.parse(md);
    expect([...html.matchAll(/<a /g)]).toHaveLength(1);
    expect(html).not.toMatch(/href="javascript|<i>/);
    expect(html).toContain('>a [b](c) &lt;i&gt;</a>');
  });

  it('JSON: each block lists its links with offsets into its text; the canonical text has no address', async () => {
    const data = JSON.parse(await text('json')) as { canonical: string; blocks: { text: string; links: { text: string; href: string; start: number; end: number }[]; runs: { href?: string }[] }[] };
    expect(data.blocks[0]!.links).toEqual([
      { text: 'Universal Declaration', href: udhr, start: 4, end: 25 },
      { text: 'ICCPR', href: iccpr, start: 49, end: 54 },
    ]);
    expect(data.blocks[1]!.links).toEqual([{ text: '聯合國人權理事會', href: hrc, start: 1, end: 9 }]);
    for (const block of data.blocks) for (const link of block.links) expect(block.text.slice(link.start, link.end)).toBe(link.text);
    expect(data.blocks[0]!.runs.filter((run) => run.href).map((run) => run.href)).toEqual([udhr, iccpr]);
    expect(data.blocks[2]!.links).toEqual([]);
    expect(data.canonical).not.toContain('https://');
  });

  it('Akoma Ntoso: an inline <a href> around the words, inside the marks', async () => {
    const xml = await text('akn');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(`<p>The <a href="${udhr}">Universal Declaration</a> binds, and <b>so does </b><b><i>the </i></b><a href="${iccpr}"><b><i>ICCPR</i></b></a>. evil</p>`);
    expect(xml).toContain(`<p>見<a href="${hrc}">聯合國人權理事會</a>的決議。</p>`);
  });

  it('DOCX: Word hyperlinks in the Hyperlink style, read back as links', async () => {
    const body = (await exportDocument({ format: 'docx', document })).body;
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(body) });
    expect(html).toContain(`The <a href="${udhr}">Universal Declaration</a> binds`);
    expect(html).toContain(`<a href="${iccpr}"><strong><em>ICCPR</em></strong></a>`);
    expect(html).toContain(`見<a href="${hrc}">聯合國人權理事會</a>的決議。`);
    const xml = strFromU8(unzipSync(body)['word/document.xml']!);
    expect(xml.match(/<w:hyperlink /g)).toHaveLength(3);
    expect(xml).toContain('<w:rStyle w:val="Hyperlink"/>');
  });

  it('PDF: a link annotation to each address, in left-to-right, Chinese and Arabic text', { timeout: 60_000 }, async () => {
    expect(await pdfLinks(document)).toEqual([udhr, iccpr, hrc]);
    // Right to left, each word of a link has its own annotation (words are drawn one by one).
    expect((await pdfLinks(arabic)).sort()).toEqual([udhrAr, udhrAr, iccpr, iccpr].sort());
  });

  it('a Word file\'s hyperlinks reach the PDF as link annotations; an unsafe one does not', { timeout: 60_000 }, async () => {
    const bytes = await linkedDocx([
      { before: 'Recalling the ', link: { words: 'Universal Declaration', href: udhr }, after: ' of 1948.', bold: true },
      { before: '見', link: { words: '聯合國人權理事會', href: hrc }, after: '的決議。' },
      { before: 'Never ', link: { words: 'click here', href: 'javascript:alert(1)' }, after: '.' },
    ]);
    const imported = documentOf({ markdown: await importToMarkdown({ filename: 'links.docx', bytes }), language: 'en', title: 'Links' });
    expect(await pdfLinks(imported)).toEqual([udhr, hrc]);
  });
});
