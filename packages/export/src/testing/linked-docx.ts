/**
 * A Word file with hyperlinks, written directly with the `docx` library (not with this package's
 * DOCX export), as a delegation's own file would be: for the tests that import a `.docx` and follow
 * its links through to the exports (issue 13 item 8).
 */
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';

export interface LinkedDocxLink {
  words: string;
  href: string;
}

/** Paragraphs, each `before` + a link + `after`; an unsafe address in `links` stays in the file (the import must drop it). */
export async function linkedDocx(paragraphs: readonly { before: string; link: LinkedDocxLink; after: string; bold?: boolean }[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (p) =>
            new Paragraph({
              children: [
                new TextRun({ text: p.before }),
                new ExternalHyperlink({ link: p.link.href, children: [new TextRun({ text: p.link.words, style: 'Hyperlink', bold: p.bold })] }),
                new TextRun({ text: p.after }),
              ],
            }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
