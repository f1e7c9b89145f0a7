/**
 * DOCX export with the `docx` library: what delegations open in Word. Headings use Word's
 * Heading 1–3 styles and lists Word's numbering (so they stay lists when edited, and an import
 * reads them back as lists); the text carries its language, and right-to-left paragraphs are
 * marked bidirectional so Word lays them out from the right. Links are Word hyperlinks.
 */
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { englishLabels, formatTime, versionTitle, type Direction, type ExportBlock, type ExportDocument, type ExportInline } from './document.ts';
import { inlineGroups } from './links.ts';

const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const numbering = 'concord-numbered';
const bullets = 'concord-bullets';

function language(tag: string, dir: Direction) {
  if (dir === 'rtl') return { bidirectional: tag };
  return /^(zh|ja|ko)\b/.test(tag) ? { eastAsia: tag } : { value: tag };
}

function textRuns(pieces: readonly ExportInline[], tag: string, dir: Direction, link: boolean): TextRun[] {
  const rtl = dir === 'rtl';
  return pieces.flatMap((piece) => {
    if ('hardBreak' in piece) return [new TextRun({ text: '', break: 1 })];
    // A line feed inside a run is a line break in Word, not a new paragraph.
    return piece.text.split('\n').map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, bold: piece.marks.includes('bold'), italics: piece.marks.includes('italic'), language: language(tag, dir), rightToLeft: rtl, style: link ? 'Hyperlink' : undefined }));
  });
}

/** A block's runs; each link a Word hyperlink (an external relationship) around its runs, in Word's Hyperlink style. */
function runs(block: ExportBlock, tag: string, dir: Direction): ParagraphChild[] {
  return inlineGroups(block.pieces).flatMap((group): ParagraphChild[] =>
    group.href === undefined ? textRuns(group.pieces, tag, dir, false) : [new ExternalHyperlink({ link: group.href, children: textRuns(group.pieces, tag, dir, true) })],
  );
}

function paragraph(block: ExportBlock, tag: string, dir: Direction, instance: number): Paragraph {
  const children = runs(block, tag, dir);
  const common = { children, bidirectional: dir === 'rtl' };
  if (block.kind === 'heading') return new Paragraph({ ...common, heading: headings[Math.min(Math.max(block.level, 1), 3) - 1] });
  if (block.kind === 'numbered') return new Paragraph({ ...common, numbering: { reference: numbering, level: Math.min(block.level - 1, 8), instance } });
  if (block.kind === 'bullet') return new Paragraph({ ...common, numbering: { reference: bullets, level: Math.min(block.level - 1, 8) } });
  return new Paragraph({ ...common, indent: block.indent > 0 ? { start: block.indent * 360 } : undefined });
}

function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { start: 720 * (level + 1), hanging: 360 } } },
  }));
}

const plain = (text: string, tag: string, dir: Direction, options: { bold?: boolean } = {}) =>
  new Paragraph({ bidirectional: dir === 'rtl', children: [new TextRun({ text, bold: options.bold, language: language(tag, dir), rightToLeft: dir === 'rtl' })] });

/** The text's paragraphs; each top-level list is its own numbering instance, so it counts from 1 again. */
function bodyParagraphs(blocks: readonly ExportBlock[], tag: string, dir: Direction): Paragraph[] {
  let instance = 0;
  return blocks.map((block) => {
    if (block.topLevel && block.kind !== 'paragraph' && block.kind !== 'heading') instance += 1;
    return paragraph(block, tag, dir, instance);
  });
}

/** The document as DOCX bytes. */
export async function toDocx(document: ExportDocument): Promise<Uint8Array<ArrayBuffer>> {
  const labels = document.labels ?? englishLabels;
  const { language: tag, dir, adoption, translations = [], endorsements = [] } = document;
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, bidirectional: dir === 'rtl', children: [new TextRun({ text: document.title, language: language(tag, dir), rightToLeft: dir === 'rtl' })] }),
    plain(document.coalition, 'en', 'ltr'),
    plain(`${labels.version}: ${versionTitle(document)} · ${formatTime(document, document.version.at)}`, 'en', 'ltr'),
    plain(`${labels.hash}: ${document.version.hash}`, 'en', 'ltr'),
    ...bodyParagraphs(document.blocks, tag, dir),
  ];
  if (adoption) {
    const procedure = adoption.procedure === 'silence' ? labels.procedureSilence : labels.procedureExplicit;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: labels.adoption }));
    children.push(plain(`${labels.adoptedAt}: ${formatTime(document, adoption.adoptedAt)} · ${procedure}`, 'en', 'ltr'));
    for (const p of adoption.positions) {
      children.push(plain(`${p.organisation}: ${labels.stances[p.stance]}${p.explanation ? ` — ${p.explanation}` : ''}`, 'en', 'ltr'));
    }
    if (adoption.silent > 0) children.push(plain(`${labels.silent}: ${adoption.silent}`, 'en', 'ltr'));
  }
  for (const t of translations) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, bidirectional: t.dir === 'rtl', children: [new TextRun({ text: t.title, language: language(t.language, t.dir), rightToLeft: t.dir === 'rtl' })] }));
    for (const text of t.paragraphs) children.push(plain(text, t.language, t.dir));
  }
  if (endorsements.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: labels.endorsements }));
    for (const e of endorsements) children.push(plain(`${e.name}${e.country ? ` (${e.country})` : ''}`, 'en', 'ltr'));
  }
  const doc = new Document({
    title: document.title,
    creator: document.coalition,
    description: `${versionTitle(document)} · SHA-256 ${document.version.hash}`,
    numbering: {
      config: [
        { reference: numbering, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
        { reference: bullets, levels: levels(LevelFormat.BULLET, (level) => ['•', '◦', '▪'][level % 3] ?? '•') },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
