/**
 * JSON export (`concord.statement/1`): the document's data for tools — the blocks with their
 * runs and plain text, the canonical text and its hash, and the records around the text. A run
 * in a link carries its `href`; each block also lists its `links` with their words and where they
 * are in its `text` (UTF-16 offsets, `end` exclusive), so a tool need not join runs to find one.
 * The canonical text (and its hash) has no addresses: only the words.
 */
import { blockText, type ExportDocument } from './document.ts';
import { blockLinks, hrefOf } from './links.ts';

export const jsonFormat = 'concord.statement/1';

/** A run as written: an address only when it is safe (a document built by hand may hold any). */
const safeRun = (piece: ExportDocument['blocks'][number]['pieces'][number]) => {
  if ('hardBreak' in piece) return piece;
  const href = hrefOf(piece);
  return href === undefined ? { text: piece.text, marks: piece.marks } : { text: piece.text, marks: piece.marks, href };
};

export function toJson(document: ExportDocument): string {
  const { labels: _labels, timeZone: _zone, blocks, ...rest } = document;
  const data = {
    format: jsonFormat,
    ...rest,
    version: { ...document.version, at: new Date(document.version.at).toISOString() },
    blocks: blocks.map((block) => ({ kind: block.kind, level: block.level, marker: block.marker || null, text: blockText(block), runs: block.pieces.map(safeRun), links: blockLinks(block) })),
    adoption: document.adoption ? { ...document.adoption, adoptedAt: new Date(document.adoption.adoptedAt).toISOString() } : null,
    translations: document.translations ?? [],
    endorsements: (document.endorsements ?? []).map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
