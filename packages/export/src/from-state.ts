/**
 * An `ExportDocument` from a stored version's state (a full Yjs update, v2, as versions are
 * stored) or from a live document. Reusable wherever a version is exported: the statement's own
 * export routes and a published declaration's page.
 */
import { canonicalText, readBlocks } from '@concord/text';
import * as Y from 'yjs';
import { directionOf, type ExportDocument } from './document.ts';

type Metadata = Omit<ExportDocument, 'blocks' | 'canonical' | 'dir'> & { dir?: ExportDocument['dir'] };

/** The document of a Yjs doc: its blocks and canonical text, with the given metadata. */
export function exportDocumentFromDoc(input: { doc: Y.Doc } & Metadata): ExportDocument {
  const { doc, ...metadata } = input;
  // Empty paragraphs are not part of the text (canonical.ts keeps the same ones).
  const blocks = readBlocks({ doc }).filter((block) => block.kind === 'bullet' || block.kind === 'numbered' || block.pieces.some((p) => 'text' in p && p.text.trim() !== ''));
  return { ...metadata, dir: metadata.dir ?? directionOf(metadata.language), blocks, canonical: canonicalText({ doc }) };
}

/** The document of a stored version's state (`Y.encodeStateAsUpdateV2`). */
export function exportDocumentFromState(input: { state: Uint8Array } & Metadata): ExportDocument {
  const { state, ...metadata } = input;
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, state);
    return exportDocumentFromDoc({ doc, ...metadata });
  } finally {
    doc.destroy();
  }
}
