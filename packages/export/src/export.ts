/**
 * One entry point for every format: `exportDocument({ format, document })` → the bytes (or
 * text), the content type and a filename made from the title and the version. `txt` is the
 * canonical text byte for byte: the one file whose SHA-256 is the version's hash.
 */
import { toAkomaNtoso } from './akoma-ntoso.ts';
import type { ExportDocument } from './document.ts';
import { toDocx } from './docx.ts';
import { toHtml } from './html.ts';
import { toJson } from './json.ts';
import { toMarkdown } from './markdown.ts';
import { toPdf, type PdfFonts } from './pdf.ts';

export const exportFormats = ['html', 'pdf', 'markdown', 'docx', 'json', 'akn', 'txt'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

const kinds: Record<ExportFormat, { contentType: string; extension: string }> = {
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  akn: { contentType: 'application/akn+xml; charset=utf-8', extension: 'akn.xml' },
  txt: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
};

export interface ExportedFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/**
 * A filename from the title (letters and digits of any script kept, the rest as dashes, at most
 * 80 characters) and the version: `joint-statement-rev-1.docx`, `…-v3.pdf`.
 */
export function exportFilename(document: Pick<ExportDocument, 'title' | 'version'>, format: ExportFormat): string {
  const slug = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const title = [...slug(document.title)].slice(0, 80).join('').replace(/-+$/, '') || 'statement';
  const { name, seq } = document.version;
  const version = name ? slug(name) : seq !== null ? `v${seq}` : 'current';
  return `${title}${version ? `-${version}` : ''}.${kinds[format].extension}`;
}

/** `fonts` is needed for PDF only (see `pdfFontFiles`). */
export async function exportDocument(input: { format: ExportFormat; document: ExportDocument; fonts?: PdfFonts }): Promise<ExportedFile> {
  const { format, document } = input;
  const text = (body: string) => new TextEncoder().encode(body);
  let body: Uint8Array<ArrayBuffer>;
  switch (format) {
    case 'html':
      body = text(toHtml(document));
      break;
    case 'markdown':
      body = text(toMarkdown(document));
      break;
    case 'json':
      body = text(toJson(document));
      break;
    case 'akn':
      body = text(toAkomaNtoso(document));
      break;
    case 'txt':
      // The canonical text itself, UTF-8, nothing added: `sha256sum` of the file is the version's hash.
      body = text(document.canonical);
      break;
    case 'docx':
      body = await toDocx(document);
      break;
    case 'pdf':
      if (!input.fonts) throw new Error('A PDF export needs its fonts (pdfFontFiles).');
      body = await toPdf(document, input.fonts);
      break;
  }
  return { body, contentType: kinds[format].contentType, filename: exportFilename(document, format) };
}
