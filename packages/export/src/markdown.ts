/**
 * Markdown export: a front matter block (title, language, version, hash, coalition), then the
 * canonical text itself — byte for byte what the version's SHA-256 is computed from, so a
 * reader can check the hash on the body — then the adoption record, translations and
 * endorsements as sections after a rule.
 */
import { inlineMarkdown } from '@concord/text';
import { formatTime, versionTitle, englishLabels, type ExportDocument } from './document.ts';

/** Text as Markdown with its mark characters escaped (names, explanations, translations). */
function plain(text: string): string {
  const escaped = inlineMarkdown({ pieces: [{ text, marks: [] }], continuation: 0 });
  return /^(#|[-+>]|\d+[.)])/.test(escaped) ? `\\${escaped}` : escaped;
}

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
  const sections: string[] = [];
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
  const tail = sections.length > 0 ? `\n---\n\n${sections.join('\n\n')}\n` : '';
  return `${front.join('\n')}${document.canonical}${tail}`;
}
