/**
 * A translation open beside its source, live: the statement's document (read) and the
 * translation's document (written by those who may translate), each its own connection with its
 * own ticket. The rows are recomputed from both documents on every change, so a source edited by
 * someone else flags its translated paragraph stale at once, and another translator's words
 * appear as they type them.
 */
import { alignTranslation, summarizeTranslation, type AlignedRow, type TranslationSummary } from '@concord/core';
import { GatewayRefusal } from '@concord/sync/client';
import { canonicalParagraphs } from '@concord/text/canonical';
import {
  insertTranslatedParagraph,
  paragraphText,
  removeTranslatedParagraph,
  stampParagraph,
  translationParagraphs,
  translationTitle,
} from '@concord/text/translation-doc';
import { colorFor } from '../editor/colors.ts';
import { StatementConnection } from '../editor/connection.svelte.ts';
import { refusalCodeFor } from '../editor/status.ts';
import { toWebSocketUrl } from '../ws-url.ts';
import { textChange } from './text-edit.ts';

export interface SourceParagraph {
  text: string;
  hash: string;
}

export interface Row extends AlignedRow {
  sourceText: string | null;
  sourceHash: string | null;
  text: string;
}

function ticketFetcher(path: string): () => Promise<string> {
  return async () => {
    const response = await fetch(path, { method: 'POST', headers: { accept: 'application/json' } });
    const refused = refusalCodeFor(response.status);
    if (refused !== null) throw new GatewayRefusal(refused, `ticket refused (${response.status})`);
    if (!response.ok) throw new Error(`ticket refused (${response.status})`);
    const body = (await response.json()) as { url?: unknown };
    if (typeof body.url !== 'string') throw new Error('ticket response without url');
    return toWebSocketUrl({ url: body.url, pageUrl: location.href });
  };
}

export class TranslationSession {
  source = $state.raw<SourceParagraph[]>([]);
  rows = $state.raw<Row[]>([]);
  title = $state('');
  summary = $state.raw<TranslationSummary>(summarizeTranslation([]));
  readonly sourceLive: StatementConnection;
  readonly live: StatementConnection;

  constructor(input: {
    statementId: string;
    language: string;
    docId: string;
    source: SourceParagraph[];
    canWrite: boolean;
    user: { userId: string; name: string; organisation: string };
  }) {
    const user = { ...input.user, color: colorFor(input.user.userId) };
    const base = `/statements/${encodeURIComponent(input.statementId)}`;
    this.source = input.source;
    this.sourceLive = new StatementConnection({ docId: input.statementId, user, canWrite: false, getUrl: ticketFetcher(`${base}/ticket`) });
    this.live = new StatementConnection({ docId: input.docId, user, canWrite: input.canWrite, getUrl: ticketFetcher(`${base}/translations/${input.language}/ticket`) });
    this.sourceLive.doc.on('update', () => {
      this.source = canonicalParagraphs({ doc: this.sourceLive.doc });
      this.#refresh();
    });
    this.live.doc.on('update', () => this.#refresh());
    this.#refresh();
  }

  /** Both documents arrived: the rows are the stored ones, edits are safe. */
  get ready(): boolean {
    return this.live.everSynced && this.sourceLive.everSynced;
  }

  destroy(): void {
    this.sourceLive.destroy();
    this.live.destroy();
  }

  #refresh(): void {
    const entries = translationParagraphs(this.live.doc).toArray();
    const texts = entries.map((entry) => paragraphText(entry)?.toString() ?? '');
    const aligned = alignTranslation({
      source: this.source.map((p) => p.hash),
      entries: entries.map((entry, i) => ({ sourceHash: String(entry.get('source') ?? ''), empty: texts[i]!.trim() === '' })),
    });
    this.rows = aligned.map((row) => ({
      ...row,
      sourceText: row.source === null ? null : this.source[row.source]!.text,
      sourceHash: row.source === null ? null : this.source[row.source]!.hash,
      text: row.entry === null ? '' : texts[row.entry]!,
    }));
    this.summary = summarizeTranslation(aligned);
    this.title = translationTitle(this.live.doc).toString();
  }

  /** The person typed in a row's field: the smallest change, in one transaction (stamped if it was empty). */
  edit(row: Row, value: string): void {
    const doc = this.live.doc;
    doc.transact(() => {
      if (row.entry === null) {
        if (row.sourceHash === null) return;
        insertTranslatedParagraph({ doc, at: row.insertAt, sourceHash: row.sourceHash }).insert(0, value);
        return;
      }
      const text = paragraphText(translationParagraphs(doc).get(row.entry));
      if (!text) return;
      const before = text.toString();
      const change = textChange(before, value);
      if (!change) return;
      if (change.remove > 0) text.delete(change.at, change.remove);
      if (change.insert) text.insert(change.at, change.insert);
      // A paragraph that had no words is translated afresh: from the source shown now.
      if (before.trim() === '' && row.sourceHash !== null) stampParagraph({ doc, index: row.entry, sourceHash: row.sourceHash });
    });
  }

  editTitle(value: string): void {
    const text = translationTitle(this.live.doc);
    const change = textChange(text.toString(), value);
    if (!change) return;
    this.live.doc.transact(() => {
      if (change.remove > 0) text.delete(change.at, change.remove);
      if (change.insert) text.insert(change.at, change.insert);
    });
  }

  removeOrphan(row: Row): void {
    if (row.state === 'orphaned' && row.entry !== null) removeTranslatedParagraph({ doc: this.live.doc, index: row.entry });
  }
}
