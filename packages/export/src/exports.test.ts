import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { exportDocument, exportFilename, exportFormats, type ExportFormat } from './export.ts';
import { documentOf, fixture, fixtureParagraphs, loadFonts, positionsInOrder, textOfMarkup } from './testing/fixtures.ts';
import { englishLabels, type ExportDocument } from './document.ts';

const en = fixture('joint-statement-surveillance/en.md');
const zh = fixture('joint-statement-surveillance/zh-TW.md');
const fonts = loadFonts();

/** The words of an export, whatever its format, as a reader (or a tool) gets them back. */
async function textOf(format: ExportFormat, body: Uint8Array): Promise<string> {
  const decoded = new TextDecoder().decode(body);
  switch (format) {
    case 'html':
    case 'akn':
      return textOfMarkup(decoded);
    case 'markdown':
    case 'txt':
      return decoded.replace(/\\(.)/g, '$1');
    case 'json': {
      const data = JSON.parse(decoded) as { blocks: { text: string }[]; translations: { paragraphs: string[] }[] };
      return [...data.blocks.map((b) => b.text), ...data.translations.flatMap((t) => t.paragraphs)].join('\n');
    }
    case 'docx':
      return (await mammoth.extractRawText({ buffer: Buffer.from(body) })).value;
    case 'pdf': {
      const pdf = await getDocumentProxy(new Uint8Array(body));
      return (await extractText(pdf, { mergePages: true })).text;
    }
  }
}

async function everyFormat(document: ExportDocument) {
  return Promise.all(exportFormats.map(async (format) => ({ format, file: await exportDocument({ format, document, fonts }) })));
}

describe('exports of the joint statement (fixtures)', () => {
  it('the imported fixtures have their 16 blocks: title, date and the 14 paragraphs', () => {
    for (const markdown of [en, zh]) {
      const document = documentOf({ markdown, language: 'en', title: 'T' });
      expect(document.blocks.map((b) => b.pieces.map((p) => ('text' in p ? p.text : '\n')).join(''))).toEqual(fixtureParagraphs(markdown));
      expect(document.blocks).toHaveLength(16);
    }
  });

  for (const [language, markdown] of [['en', en], ['zh-TW', zh]] as const) {
    it(`every format holds every paragraph of the ${language} text in order`, { timeout: 60_000 }, async () => {
      const document = documentOf({ markdown, language, title: fixtureParagraphs(markdown)[0]! });
      const paragraphs = fixtureParagraphs(markdown);
      for (const { format, file } of await everyFormat(document)) {
        const text = await textOf(format, file.body);
        expect(positionsInOrder(text, paragraphs), `${format}: every paragraph, in order`).not.toContain(-1);
      }
    });
  }

  it('carries a paragraph-aligned translation, the adoption record and endorsements', { timeout: 60_000 }, async () => {
    const translation = { language: 'zh-TW', dir: 'ltr' as const, title: fixtureParagraphs(zh)[0]!, paragraphs: fixtureParagraphs(zh) };
    const document = documentOf({
      markdown: en,
      language: 'en',
      title: 'Joint statement',
      extra: {
        translations: [translation],
        adoption: { procedure: 'silence', adoptedAt: Date.UTC(2020, 3, 9), positions: [{ organisation: 'Access Now', stance: 'support', explanation: 'We welcome the text.' }], silent: 2 },
        endorsements: [{ name: 'Article 19', country: null, at: Date.UTC(2020, 3, 10) }],
      },
    });
    for (const { format, file } of await everyFormat(document)) {
      const text = await textOf(format, file.body);
      expect(positionsInOrder(text, fixtureParagraphs(en)), `${format}: the text`).not.toContain(-1);
      // The plain text is the hashed text alone; in Akoma Ntoso a translation is another expression of the work.
      if (format === 'txt') continue;
      if (format !== 'akn') expect(positionsInOrder(text, translation.paragraphs), `${format}: the translation`).not.toContain(-1);
      if (format !== 'json') expect(text, `${format}: the adoption and endorsements`).toMatch(/Access Now[\s\S]*Article 19/);
    }
  });

  it('the plain-text export is the canonical text byte for byte: its SHA-256 is the version hash', async () => {
    const document = documentOf({ markdown: `${en}\n\nTwo  spaces,  kept.`, language: 'en', title: 'Joint statement' });
    const file = await exportDocument({ format: 'txt', document });
    expect(file.contentType).toBe('text/plain; charset=utf-8');
    expect(file.filename).toBe('joint-statement-rev-1.txt');
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(document.version.hash);
    expect(new TextDecoder().decode(file.body)).toContain('Two  spaces,  kept.');
  });

  it('the Markdown carries the hash and says the plain-text export is what it is of', async () => {
    const document = documentOf({ markdown: en, language: 'en', title: 'Joint statement' });
    const markdown = new TextDecoder().decode((await exportDocument({ format: 'markdown', document })).body);
    expect(markdown).toContain(`sha256: "${document.version.hash}"`);
    expect(markdown).toContain('plain-text export (.txt)');
  });

  it('writes the adoption record in the labels\' language, with the page\'s words for silence', async () => {
    const adoption = { procedure: 'silence' as const, adoptedAt: Date.UTC(2020, 3, 9), positions: [], silent: 41 };
    const labels = { ...englishLabels, locale: 'fr', adoption: 'Adoption', adoptedAt: 'Adoptée', silent: 'Consentement tacite' };
    const english = new TextDecoder().decode((await exportDocument({ format: 'markdown', document: documentOf({ markdown: en, language: 'en', title: 'T', extra: { adoption } }) })).body);
    expect(english).toContain('- Consent by silence: 41');
    expect(english).toContain('April 9, 2020');
    const french = new TextDecoder().decode((await exportDocument({ format: 'markdown', document: documentOf({ markdown: en, language: 'en', title: 'T', extra: { adoption, labels } }) })).body);
    expect(french).toContain('Adoptée: 9 avril 2020');
    expect(french).toContain('- Consentement tacite: 41');
    expect(french.slice(french.indexOf('## Adoption'))).not.toMatch(/April|Members without|Consent by/);
  });

  it('keeps Chinese intact, byte for byte, in the text formats and the DOCX', async () => {
    const document = documentOf({ markdown: zh, language: 'zh-TW', title: '聲明' });
    const html = new TextDecoder().decode((await exportDocument({ format: 'html', document })).body);
    expect(html).toContain('<html lang="zh-TW" dir="ltr">');
    expect(html).toContain(fixtureParagraphs(zh)[2]);
    const docx = await exportDocument({ format: 'docx', document });
    expect((await mammoth.extractRawText({ buffer: Buffer.from(docx.body) })).value).toContain(fixtureParagraphs(zh)[13]);
  });

  it('answers each format with its content type and a filename from the title and version', async () => {
    const document = documentOf({ markdown: en, language: 'en', title: 'Joint statement: surveillance & rights' });
    expect(exportFilename(document, 'docx')).toBe('joint-statement-surveillance-rights-rev-1.docx');
    expect(exportFilename({ ...document, title: '聲明', version: { ...document.version, name: null } }, 'akn')).toBe('聲明-v3.akn.xml');
    expect(exportFilename({ ...document, title: '***', version: { ...document.version, name: null, seq: null } }, 'pdf')).toBe('statement-current.pdf');
    const pdf = await exportDocument({ format: 'pdf', document, fonts });
    expect(pdf.contentType).toBe('application/pdf');
    expect(new TextDecoder().decode(pdf.body.slice(0, 5))).toBe('%PDF-');
  });
});
