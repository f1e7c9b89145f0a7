/**
 * Exports of a published declaration: the adopted version exactly as stored (its state, so the
 * hash is the one on the page), with the adoption record, the published translations and the
 * verified endorsements. Public like the page; a withdrawn declaration is not exported, since a
 * file carries no withdrawal notice and would outlive it.
 */
import { fail, type AdoptionRecord } from '@concord/core';
import { exportDocument, exportDocumentFromState, isExportFormat, type ExportAdoption, type ExportedFile, type ExportLabels } from '@concord/export';
import type { DeclarationView } from '../publication/public.ts';
import type { ExportsDeps } from './deps.ts';

/** The record as exports show it: every position but silence, and how many members kept silent. */
export function exportAdoption(record: AdoptionRecord): ExportAdoption {
  const all = [...record.endorsing, ...record.reservations];
  const positions = all.flatMap((p) => (p.stance === 'silent' ? [] : [{ organisation: p.name, stance: p.stance, explanation: p.explanation }]));
  return {
    procedure: record.procedure.kind === 'silence' ? 'silence' : 'explicit',
    adoptedAt: record.adoptedAt,
    positions,
    silent: all.length - positions.length,
  };
}

export async function exportDeclaration(input: { deps: ExportsDeps; view: DeclarationView; format: string; labels: ExportLabels }): Promise<ExportedFile> {
  const { deps, view, format } = input;
  const { publication } = view;
  if (!isExportFormat(format)) throw fail.notFound('exports.format', 'There is no such export format.');
  if (publication.status === 'withdrawn') throw fail.conflict('exports.withdrawn', 'This declaration was withdrawn; it is no longer exported.');
  const stored = await deps.versions.get({ docId: publication.statementId, seq: publication.version.seq });
  if (!stored) throw fail.notFound('publication.not-found', 'The adopted version of this declaration is missing.');
  const document = exportDocumentFromState({
    state: stored.state,
    // The public name of the work is its slug: internal ids stay inside.
    id: publication.slug,
    title: publication.title,
    language: publication.language,
    coalition: publication.coalitionName,
    labels: input.labels,
    version: { name: publication.version.name, seq: publication.version.seq, hash: publication.version.hash, at: stored.createdAt },
  });
  return exportDocument({
    format,
    document: {
      ...document,
      adoption: exportAdoption(publication.record),
      translations: publication.translations,
      endorsements: view.endorsements.map(({ name, country, at }) => ({ name, country: country || null, at })),
    },
    fonts: format === 'pdf' ? await deps.fonts() : undefined,
  });
}
