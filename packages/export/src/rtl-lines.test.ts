import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { exportDocument } from './export.ts';
import { rtlLines, visualOrder } from './rtl-lines.ts';
import { documentOf, loadFonts } from './testing/fixtures.ts';

describe('right-to-left lines for the PDF', () => {
  it('puts Arabic words right to left, and keeps a Latin name inside them left to right', () => {
    expect(visualOrder(['نحن', 'ندعم', 'البيان'])).toEqual(['البيان', 'ندعم', 'نحن']);
    expect(visualOrder(['نحن', 'ندعم', 'Access', 'Now', 'اليوم'])).toEqual(['اليوم', 'Access', 'Now', 'ندعم', 'نحن']);
    // Numbers inside Arabic keep their digits' order and their place.
    expect(visualOrder(['المادة', '19', 'من', 'الإعلان'])).toEqual(['الإعلان', 'من', '19', 'المادة']);
  });

  it('breaks lines by width in logical order before reordering each', () => {
    const lines = rtlLines({ text: 'أ ب ج د هـ', width: 3, measure: () => 1, space: 0.5 });
    // Two words (1 + 0.5 + 1 = 2.5) fit a line of 3; a third would not.
    expect(lines).toEqual([['ب', 'أ'], ['د', 'ج'], ['هـ']]);
  });
});

describe('an Arabic PDF', () => {
  it('draws the words of a line from the right: the first word rightmost, an English name in its own order', { timeout: 60_000 }, async () => {
    const document = documentOf({ markdown: 'نحن ندعم Access Now اليوم', language: 'ar', title: 'بيان', extra: { dir: 'rtl' } });
    const file = await exportDocument({ format: 'pdf', document, fonts: loadFonts() });
    const pdf = await getDocumentProxy(new Uint8Array(file.body));
    const { items } = await (await pdf.getPage(1)).getTextContent();
    const placed = (items as { str: string; transform: number[] }[]).filter((i) => i.str.trim()).map((i) => ({ text: i.str, x: i.transform[4]!, y: i.transform[5]! }));
    // The extractor merges neighbouring runs: find the name, then the Arabic words on its line.
    const name = placed.find((i) => i.text.includes('Access Now'))!;
    const arabicWords = (side: (x: number) => boolean) =>
      placed
        .filter((i) => Math.abs(i.y - name.y) < 8 && side(i.x))
        .flatMap((i) => i.text.split(/\s+/u))
        .filter((word) => /[\u0600-\u06FF]/u.test(word));
    // نحن ندعم (the first two words) right of the name, اليوم (the last) left of it.
    expect(arabicWords((x) => x > name.x)).toHaveLength(2);
    expect(arabicWords((x) => x < name.x)).toHaveLength(1);
  });
});
