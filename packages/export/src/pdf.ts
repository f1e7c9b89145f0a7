/**
 * PDF export with PDFKit. The fonts are an input (this package does no I/O): a Latin font, a
 * CJK font and an Arabic font, chosen per run of characters by script, and embedded as subsets
 * so any reader shows — and any extractor gets back — the same characters (`pdfFontFiles` names
 * the maintained Noto packages the web app loads them from).
 *
 * PDFKit shapes Arabic words (joining forms, right to left inside a word) but lays words out left
 * to right; right-to-left paragraphs are therefore laid out here, line by line in the Unicode
 * Bidirectional Algorithm's visual order (`rtl-lines.ts`), and drawn from the right margin.
 */
import PDFDocument from 'pdfkit';
import { rtlLines } from './rtl-lines.ts';
import { blockText, englishLabels, formatTime, versionTitle, type Direction, type ExportDocument } from './document.ts';

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
  const writeRtl = (text: string, options: { size: number; indent?: number; gap?: number }) => {
    pdf.fontSize(options.size);
    const left = pdf.page.margins.left;
    const right = pdf.page.width - pdf.page.margins.right - (options.indent ?? 0);
    const space = pdf.font('latin').widthOfString(' ');
    const lineHeight = Math.max(...(Object.keys(fonts) as FontName[]).map((name) => pdf.font(name).currentLineHeight(true)));
    // A hard break inside the block starts a new line, as it does on screen.
    for (const words of text.split('\n').flatMap((segment) => rtlLines({ text: segment, width: right - left, measure: widthOf, space }))) {
      if (pdf.y + lineHeight > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
      const y = pdf.y;
      // One baseline for every font on the line (their ascents differ: top-aligned runs would not line up).
      const baseline = y + lineHeight * 0.75;
      let x = right - (words.reduce((sum, word) => sum + widthOf(word), 0) + space * (words.length - 1));
      for (const word of words) {
        for (const run of fontRuns(word)) {
          pdf.font(run.font).text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
          x += pdf.widthOfString(run.text);
        }
        x += space;
      }
      pdf.x = left;
      pdf.y = y + lineHeight;
    }
    pdf.moveDown(options.gap ?? 0.6);
  };

  const write = (text: string, options: { size: number; dir: Direction; indent?: number; gap?: number }) => {
    if (options.dir === 'rtl' && text.trim()) return writeRtl(text, options);
    const runs = fontRuns(text);
    pdf.fontSize(options.size);
    runs.forEach((run, i) => {
      pdf.font(run.font).text(run.text, { continued: i < runs.length - 1, align: options.dir === 'rtl' ? 'right' : 'left', indent: i === 0 ? (options.indent ?? 0) : 0 });
    });
    if (runs.length === 0) pdf.font('latin').text(' ');
    pdf.moveDown(options.gap ?? 0.6);
  };

  write(document.title, { size: 18, dir: document.dir });
  write(document.coalition, { size: 10, dir: 'ltr', gap: 0.2 });
  write(`${labels.version}: ${versionTitle(document)} · ${formatTime(document, document.version.at)}`, { size: 9, dir: 'ltr', gap: 0.2 });
  write(`${labels.hash}: ${document.version.hash}`, { size: 8, dir: 'ltr', gap: 1.2 });
  for (const block of document.blocks) {
    const text = blockText(block);
    if (block.kind === 'heading') write(text, { size: 16 - block.level * 1.5, dir: document.dir });
    else if (block.marker) write(`${block.marker === '-' ? '•' : block.marker} ${text}`, { size: 11, dir: document.dir, indent: 18 * block.level });
    else write(text, { size: 11, dir: document.dir, indent: block.indent * 9 });
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
