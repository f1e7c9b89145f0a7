/**
 * Exports of a statement's text: a stored version (`seq`) or the current text, in any format of
 * `@concord/export`. Reading is `statement.read`, decided by the core policy on every request;
 * whoever may not read the statement gets not-found, so a draft never leaks through an export.
 */
import { fail, isDomainError, type Principal } from '@concord/core';
import { error } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { exportDocument, exportDocumentFromDoc, exportDocumentFromState, isExportFormat, type ExportedFile, type ExportLabels, type ExportVersion } from '@concord/export';
import { documentFrom } from '@concord/sync';
import { contentHash } from '@concord/text';
import { readableStatement } from '../statements.ts';
import type { ExportsDeps } from './deps.ts';

export async function exportStatement(input: {
  deps: ExportsDeps;
  principal: Principal;
  statementId: string;
  /** A stored version, or null for the current text. */
  seq: number | null;
  format: string;
  labels: ExportLabels;
}): Promise<ExportedFile> {
  const { deps, principal, format } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  if (!isExportFormat(format)) throw fail.notFound('exports.format', 'There is no such export format.');
  const { statement } = found;
  const coalition = (await deps.directory.coalitions.get(statement.coalitionId))?.name ?? '';
  const metadata = { id: statement.id, title: statement.title, language: statement.language, coalition, labels: input.labels };
  let document;
  if (input.seq !== null) {
    const stored = await deps.versions.get({ docId: statement.id, seq: input.seq });
    if (!stored) throw fail.notFound('versions.not-found', 'There is no such version.');
    const version: ExportVersion = { name: stored.name, seq: stored.seq, hash: stored.hash, at: stored.createdAt };
    document = exportDocumentFromState({ state: stored.state, ...metadata, version });
  } else {
    const doc = documentFrom(await deps.texts.load({ docId: statement.id }));
    try {
      const hash = contentHash({ doc });
      // The current text is the latest version's when nothing changed since: say which.
      const latest = await deps.versions.latest({ docId: statement.id });
      const version: ExportVersion = latest?.hash === hash ? { name: latest.name, seq: latest.seq, hash, at: latest.createdAt } : { name: null, seq: null, hash, at: deps.now() };
      document = exportDocumentFromDoc({ doc, ...metadata, version });
    } finally {
      doc.destroy();
    }
  }
  return exportDocument({ format, document, fonts: format === 'pdf' ? await deps.fonts() : undefined });
}

/** A refusal as the HTTP error page, in the reader's language. */
export function exportFailure(caught: unknown): never {
  if (!isDomainError(caught)) throw caught;
  if (caught.code === 'exports.format') error(404, m.exports_error_format());
  if (caught.code === 'versions.not-found') error(404, m.versions_error_not_found());
  error(404, m.error_not_found_or_hidden());
}

/** The response headers of an exported file: a download with a filename any browser reads. */
export function exportHeaders(file: ExportedFile): Record<string, string> {
  // The plain `filename` is for old clients: ASCII only (a Chinese title keeps just its version).
  const stripped = file.filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  const ascii = /^[a-z0-9]/i.test(stripped) ? stripped : `statement${stripped.startsWith('-') || stripped.startsWith('.') ? '' : '-'}${stripped}`;
  return {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'content-length': String(file.body.byteLength),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
}
