/**
 * PDF export with PDFKit. The fonts are an input (this package does no I/O): a Latin font, a
 * CJK font and an Arabic font, chosen per run of characters by script, and embedded as subsets
 * so any reader shows — and any extractor gets back — the same characters (`pdfFontFiles` names
 * the maintained Noto packages the web app loads them from).
 *
 * PDFKit shapes Arabic words (joining forms, right to left inside a word) but lays words out left
 * to right; right-to-left paragraphs are therefore laid out here, line by line in the Unicode
 * Bidirectional Algorithm's visual order (`rtl-lines.ts`), and drawn from the right margin.
 *
 * A link's words are blue and underlined, under a link annotation to its address (a URI action:
 * readers open it on a click); in a right-to-left paragraph each word of a link gets its own.
 */
import PDFDocument from 'pdfkit';
import { rtlWordLines } from './rtl-lines.ts';
import { englishLabels, formatTime, versionTitle, type Direction, type ExportBlock, type ExportDocument } from './document.ts';
import { asciiHref, inlineGroups } from './links.ts';

export interface PdfFonts {
  latin: Uint8Array;
  cjk: Uint8Array;
  arabic: Uint8Array;
}

/** Where the fonts come from: package and file, resolvable with `require.resolve` (Noto, OFL). */
export const pdfFontFiles: Record<keyof PdfFonts, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  cjk: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
};

const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const cjk = /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

type FontName = keyof PdfFonts;
const scriptOf = (char: string): FontName | null => (arabic.test(char) ? 'arabic' : cjk.test(char) ? 'cjk' : /[\s\d.,;:!?'"()\-–—]/.test(char) ? null : 'latin');

/** Splits text into runs of one font; spaces, digits and punctuation join the run they are in. */
export function fontRuns(text: string): { font: FontName; text: string }[] {
  const out: { font: FontName; text: string }[] = [];
  for (const char of text) {
    const font = scriptOf(char);
    const last = out[out.length - 1];
    if (last && (font === null || font === last.font)) last.text += char;
    else out.push({ font: font ?? 'latin', text: char });
  }
  return out;
}

/** Words to write, each piece with the address of its link if it is in one (an ASCII URI: `asciiHref`). */
type Segment = { text: string; href?: string };

const linkColour = '#1a4fa0';

/** A block's words as segments: its runs joined (a hard break a line feed), links with their address. */
function blockSegments(block: ExportBlock, prefix: string): Segment[] {
  const segments: Segment[] = prefix ? [{ text: prefix }] : [];
  for (const group of inlineGroups(block.pieces)) {
    const text = group.pieces.map((piece) => ('hardBreak' in piece ? '\n' : piece.text)).join('');
    const href = group.href === undefined ? null : asciiHref(group.href);
    segments.push(href === null ? { text } : { text, href });
  }
  return segments;
}

/** Each word of a line of text (split as `rtlLines` splits) with the address of the link it is in, if any. */
function wordsOf(text: string, hrefAt: readonly (string | undefined)[], offset: number): { word: string; href?: string }[] {
  return [...text.matchAll(/\S+/gu)].map((match) => {
    const start = offset + match.index;
    const href = hrefAt.slice(start, start + match[0].length).find((h) => h !== undefined);
    return href === undefined ? { word: match[0] } : { word: match[0], href };
  });
}

/** The document as PDF bytes (A4, fonts embedded). */
export function toPdf(document: ExportDocument, fonts: PdfFonts): Promise<Uint8Array<ArrayBuffer>> {
  const labels = document.labels ?? englishLabels;
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: document.title, Author: document.coalition, Subject: `${versionTitle(document)} · SHA-256 ${document.version.hash}` }, lang: document.language, displayTitle: true, font: null as unknown as string });
  for (const name of Object.keys(fonts) as FontName[]) pdf.registerFont(name, Buffer.from(fonts[name]));
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });

  const widthOf = (word: string) => fontRuns(word).reduce((sum, run) => sum + pdf.font(run.font).widthOfString(run.text), 0);

  /** A right-to-left paragraph: our own lines, each drawn word by word from the right margin. */
  const writeRtl = (segments: readonly Segment[], options: { size: number; indent?: number; gap?: number }) => {
    pdf.fontSize(options.size);
    const left = pdf.page.margins.left;
    const right = pdf.page.width - pdf.page.margins.right - (options.indent ?? 0);
    const space = pdf.font('latin').widthOfString(' ');
    const lineHeight = Math.max(...(Object.keys(fonts) as FontName[]).map((name) => pdf.font(name).currentLineHeight(true)));
    const text = segments.map((segment) => segment.text).join('');
    const hrefAt = segments.flatMap((segment) => Array.from({ length: segment.text.length }, () => segment.href));
    // A hard break inside the block starts a new line, as it does on screen.
    let offset = 0;
    const lines = text.split('\n').flatMap((part) => {
      const words = wordsOf(part, hrefAt, offset);
      offset += part.length + 1;
      return rtlWordLines({ words: words.map((w) => w.word), width: right - left, measure: widthOf, space }).map((line) => line.map((index) => words[index]!));
    });
    for (const words of lines) {
      if (pdf.y + lineHeight > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
      const y = pdf.y;
      // One baseline for every font on the line (their ascents differ: top-aligned runs would not line up).
      const baseline = y + lineHeight * 0.75;
      let x = right - (words.reduce((sum, { word }) => sum + widthOf(word), 0) + space * (words.length - 1));
      for (const { word, href } of words) {
        const start = x;
        pdf.fillColor(href ? linkColour : 'black');
        for (const run of fontRuns(word)) {
          pdf.font(run.font).text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
          x += pdf.widthOfString(run.text);
        }
        if (href) {
          pdf.link(start, y, x - start, lineHeight, href);
          pdf.save().lineWidth(0.5).strokeColor(linkColour).moveTo(start, baseline + 1.5).lineTo(x, baseline + 1.5).stroke().restore();
        }
        x += space;
      }
      pdf.fillColor('black');
      pdf.x = left;
      pdf.y = y + lineHeight;
    }
    pdf.moveDown(options.gap ?? 0.6);
  };

  const write = (words: string | readonly Segment[], options: { size: number; dir: Direction; indent?: number; gap?: number }) => {
    const segments = typeof words === 'string' ? [{ text: words }] : words;
    if (options.dir === 'rtl' && segments.some((segment) => segment.text.trim())) return writeRtl(segments, options);
    const runs = segments.flatMap((segment) => fontRuns(segment.text).map((run) => ({ ...run, href: segment.href })));
    pdf.fontSize(options.size);
    runs.forEach((run, i) => {
      // `link` and `underline` are given on every run: PDFKit carries a continued run's options to the next.
      pdf.font(run.font).fillColor(run.href ? linkColour : 'black');
      pdf.text(run.text, { continued: i < runs.length - 1, align: options.dir === 'rtl' ? 'right' : 'left', indent: i === 0 ? (options.indent ?? 0) : 0, link: run.href ?? null, underline: run.href !== undefined });
    });
    if (runs.length === 0) pdf.font('latin').text(' ');
    pdf.fillColor('black');
    pdf.moveDown(options.gap ?? 0.6);
  };

  write(document.title, { size: 18, dir: document.dir });
  write(document.coalition, { size: 10, dir: 'ltr', gap: 0.2 });
  write(`${labels.version}: ${versionTitle(document)} · ${formatTime(document, document.version.at)}`, { size: 9, dir: 'ltr', gap: 0.2 });
  write(`${labels.hash}: ${document.version.hash}`, { size: 8, dir: 'ltr', gap: 1.2 });
  for (const block of document.blocks) {
    if (block.kind === 'heading') write(blockSegments(block, ''), { size: 16 - block.level * 1.5, dir: document.dir });
    else if (block.marker) write(blockSegments(block, `${block.marker === '-' ? '•' : block.marker} `), { size: 11, dir: document.dir, indent: 18 * block.level });
    else write(blockSegments(block, ''), { size: 11, dir: document.dir, indent: block.indent * 9 });
  }
  const { adoption, translations = [], endorsements = [] } = document;
  if (adoption) {
    write(labels.adoption, { size: 14, dir: 'ltr' });
    write(`${labels.adoptedAt}: ${formatTime(document, adoption.adoptedAt)} · ${adoption.procedure === 'silence' ? labels.procedureSilence : labels.procedureExplicit}`, { size: 10, dir: 'ltr' });
    for (const p of adoption.positions) write(`${p.organisation}: ${labels.stances[p.stance]}${p.explanation ? ` — ${p.explanation}` : ''}`, { size: 10, dir: 'ltr', gap: 0.3 });
    if (adoption.silent > 0) write(`${labels.silent}: ${adoption.silent}`, { size: 10, dir: 'ltr' });
  }
  for (const t of translations) {
    pdf.addPage();
    write(t.title, { size: 16, dir: t.dir });
    for (const text of t.paragraphs) write(text, { size: 11, dir: t.dir });
  }
  if (endorsements.length > 0) {
    write(labels.endorsements, { size: 14, dir: 'ltr' });
    for (const e of endorsements) write(`${e.name}${e.country ? ` (${e.country})` : ''}`, { size: 10, dir: 'ltr', gap: 0.2 });
  }
  pdf.end();
  return done;
}
