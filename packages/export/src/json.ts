/**
 * JSON export (`concord.statement/1`): the document's data for tools — the blocks with their
 * runs and plain text, the canonical text and its hash, and the records around the text.
 */
import { blockText, type ExportDocument } from './document.ts';

export const jsonFormat = 'concord.statement/1';

export function toJson(document: ExportDocument): string {
  const { labels: _labels, timeZone: _zone, blocks, ...rest } = document;
  const data = {
    format: jsonFormat,
    ...rest,
    version: { ...document.version, at: new Date(document.version.at).toISOString() },
    blocks: blocks.map((block) => ({ kind: block.kind, level: block.level, marker: block.marker || null, text: blockText(block), runs: block.pieces })),
    adoption: document.adoption ? { ...document.adoption, adoptedAt: new Date(document.adoption.adoptedAt).toISOString() } : null,
    translations: document.translations ?? [],
    endorsements: (document.endorsements ?? []).map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
