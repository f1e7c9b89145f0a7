/**
 * Test helpers: the real fixtures imported the way `statements/new` imports Markdown, made into
 * `ExportDocument`s; the PDF fonts read from their packages; and an order check on exported text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { markdownToYUpdate } from '@concord/text';
import { hashCanonicalText } from '@concord/text';
import * as Y from 'yjs';
import { exportDocumentFromState } from '../from-state.ts';
import { pdfFontFiles, type PdfFonts } from '../pdf.ts';
import type { ExportDocument } from '../document.ts';

const repoRoot = new URL('../../../../', import.meta.url);
export const fixture = (path: string) => readFileSync(new URL(`../shared/fixtures/${path}`, repoRoot), 'utf8');

/** The fixture's blocks as plain text: one per non-empty line, without `#` or `1.` markers. */
export function fixtureParagraphs(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.replace(/^#+\s+/, '').replace(/^\d+\.\s+/, ''));
}

/** A stored version's state (v2) of a statement imported from `markdown`. */
export function stateOf(markdown: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYUpdate({ markdown }));
  const state = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return state;
}

export function documentOf(input: { markdown: string; language: string; title: string; extra?: Partial<ExportDocument> }): ExportDocument {
  const document = exportDocumentFromState({
    state: stateOf(input.markdown),
    id: 'stmt_01JFIXTURE',
    title: input.title,
    language: input.language,
    coalition: 'Freedom Online Coalition',
    version: { name: 'Rev. 1', seq: 3, hash: '', at: Date.UTC(2020, 3, 2, 9, 30) },
    ...input.extra,
  });
  return { ...document, version: { ...document.version, hash: hashCanonicalText({ text: document.canonical }) } };
}

const require = createRequire(import.meta.url);
export function loadFonts(): PdfFonts {
  const read = (spec: string) => new Uint8Array(readFileSync(require.resolve(spec)));
  return { latin: read(pdfFontFiles.latin), cjk: read(pdfFontFiles.cjk), arabic: read(pdfFontFiles.arabic) };
}

/**
 * Where each paragraph is found in `text`, in order, ignoring whitespace (line wrapping in a PDF,
 * indentation in XML); -1 for one missing or out of order.
 */
export function positionsInOrder(text: string, paragraphs: readonly string[]): number[] {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const haystack = squash(text);
  let from = 0;
  return paragraphs.map((paragraph) => {
    const at = haystack.indexOf(squash(paragraph), from);
    if (at >= 0) from = at + squash(paragraph).length;
    return at;
  });
}

/** Markup's text: tags dropped, the five XML entities (and numeric ones) decoded. */
export function textOfMarkup(markup: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (_, entity: string) =>
      entity.startsWith('#') ? String.fromCodePoint(Number.parseInt(entity.slice(entity[1] === 'x' ? 2 : 1), entity[1] === 'x' ? 16 : 10)) : (named[entity] ?? `&${entity};`),
    );
}
