/**
 * Markdown export: a front matter block (title, language, version, hash, coalition), then the
 * text laid out as the canonical text is, but escaped for Markdown viewers (no raw HTML, links or
 * code from the text: `markdown-escape.ts`), then a note that the hash is that of the plain-text
 * export (`txt`, the verifiable artefact: once escaped, this body cannot be byte for byte the
 * hashed text), then the adoption record, translations and endorsements, after a rule.
 */
import { formatTime, versionTitle, englishLabels, type ExportDocument } from './document.ts';
import { safeBlocksMarkdown, safeMarkdownText as plain } from './markdown-escape.ts';

/** A YAML scalar: JSON strings are valid YAML, and need no further escaping rules. */
const scalar = (value: string | number) => JSON.stringify(value);

export function toMarkdown(document: ExportDocument): string {
  const labels = document.labels ?? englishLabels;
  const front = [
    '---',
    `title: ${scalar(document.title)}`,
    `language: ${scalar(document.language)}`,
    `dir: ${scalar(document.dir)}`,
    `coalition: ${scalar(document.coalition)}`,
    `version: ${scalar(versionTitle(document))}`,
    ...(document.version.seq !== null ? [`seq: ${document.version.seq}`] : []),
    `sha256: ${scalar(document.version.hash)}`,
    `saved: ${scalar(new Date(document.version.at).toISOString())}`,
    '---',
    '',
  ];
  const sections: string[] = [`_${plain(labels.hashNote)}_`];
  const { adoption, translations = [], endorsements = [] } = document;
  if (adoption) {
    const procedure = adoption.procedure === 'silence' ? labels.procedureSilence : labels.procedureExplicit;
    const lines = [`## ${labels.adoption}`, '', `${labels.adoptedAt}: ${formatTime(document, adoption.adoptedAt)} — ${procedure}`, ''];
    for (const position of adoption.positions) {
      const explanation = position.explanation ? `: ${plain(position.explanation)}` : '';
      lines.push(`- ${plain(position.organisation)} — ${labels.stances[position.stance]}${explanation}`);
    }
    if (adoption.silent > 0) lines.push(`- ${labels.silent}: ${adoption.silent}`);
    sections.push(lines.join('\n'));
  }
  for (const translation of translations) {
    sections.push([`## ${labels.translations}: ${translation.language}`, '', `### ${plain(translation.title)}`, '', ...translation.paragraphs.map(plain).join('\n\n').split('\n')].join('\n'));
  }
  if (endorsements.length > 0) {
    const lines = endorsements.map((e) => `- ${plain(e.name)}${e.country ? ` (${plain(e.country)})` : ''}`);
    sections.push([`## ${labels.endorsements}`, '', ...lines].join('\n'));
  }
  return `${front.join('\n')}${safeBlocksMarkdown(document.blocks)}\n---\n\n${sections.join('\n\n')}\n`;
}
