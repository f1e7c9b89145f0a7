/**
 * Test helpers for links (issue 13 item 8): Word files with hyperlinks, as a delegation's files
 * have them (statements cite instruments by URL), and the addresses of a PDF's link annotations.
 * Built here because `docx` and `unpdf` are this package's dependencies, not the e2e suite's.
 */
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { extractLinks, getDocumentProxy } from 'unpdf';

/** One paragraph: runs of words, some of them inside a hyperlink. */
export type LinkedParagraph = ({ text: string; bold?: boolean; italics?: boolean } | { link: string; text: string; bold?: boolean })[];

export interface LinkedText {
  paragraphs: LinkedParagraph[];
  /** The links an import keeps (safe addresses): words and address. */
  kept: { text: string; href: string }[];
  /** A link whose address must never reach an export; its words stay. */
  refused: { text: string; href: string };
}

const refused = { text: 'open the annex', href: 'javascript:alert(document.cookie)' };

/** Two kept links (one next to bold words, one inside Chinese or Arabic text) and one refused. */
export const linkedTexts: Record<'en' | 'ar', LinkedText> = {
  en: {
    paragraphs: [
      [{ text: 'The Council recalls ', bold: true }, { link: 'https://undocs.org/A/HRC/RES/47/16', text: 'resolution 47/16' }, { text: ' on the internet.' }],
      [{ text: '另見' }, { link: 'https://www.ohchr.org/zh/privacy-in-the-digital-age', text: '數位時代的隱私權' }, { text: '報告。' }],
      [{ text: 'Please ' }, { link: refused.href, text: refused.text }, { text: ' before signing.' }],
    ],
    kept: [
      { text: 'resolution 47/16', href: 'https://undocs.org/A/HRC/RES/47/16' },
      { text: '數位時代的隱私權', href: 'https://www.ohchr.org/zh/privacy-in-the-digital-age' },
    ],
    refused,
  },
  ar: {
    paragraphs: [
      [{ text: 'يذكّر المجلس ', bold: true }, { link: 'https://undocs.org/ar/A/HRC/RES/47/16', text: 'بالقرار 47/16' }, { text: ' بشأن الإنترنت.' }],
      [{ text: 'انظر أيضًا ' }, { link: 'https://www.ohchr.org/ar/privacy-in-the-digital-age', text: 'الحق في الخصوصية' }, { text: ' في العصر الرقمي.' }],
      [{ text: 'يرجى ' }, { link: refused.href, text: refused.text }, { text: ' قبل التوقيع.' }],
    ],
    kept: [
      { text: 'بالقرار 47/16', href: 'https://undocs.org/ar/A/HRC/RES/47/16' },
      { text: 'الحق في الخصوصية', href: 'https://www.ohchr.org/ar/privacy-in-the-digital-age' },
    ],
    refused,
  },
};

/** A Word file of the paragraphs, each link a real Word hyperlink (as Word writes them). */
export async function linkedDocx(paragraphs: readonly LinkedParagraph[]): Promise<Uint8Array> {
  const children = paragraphs.map(
    (runs) =>
      new Paragraph({
        children: runs.map((run) =>
          'link' in run ? new ExternalHyperlink({ link: run.link, children: [new TextRun({ text: run.text, bold: run.bold, style: 'Hyperlink' })] }) : new TextRun(run),
        ),
      }),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** Every address a PDF's link annotations point to, page after page. */
export async function pdfLinkAddresses(pdf: Uint8Array): Promise<string[]> {
  return (await extractLinks(await getDocumentProxy(new Uint8Array(pdf)))).links;
}
