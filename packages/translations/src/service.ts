/**
 * The translation service: the languages of a statement, each translation's paragraphs beside
 * the source, marking a stale paragraph current after review, and the translations a
 * publication carries. Access is the caller's business (the policy's `statement.translate` and
 * `statement.read`, asked by the web app on every request).
 *
 * The source of a live translation is the statement's current text; the source of a publication
 * is the adopted version (found by its hash). Both are cut into paragraphs by
 * `canonicalParagraphs` (`@concord/text`) and matched by `alignTranslation` (`@concord/core`).
 */
import {
  alignTranslation,
  directionOf,
  fail,
  isTranslationLanguage,
  summarizeTranslation,
  translationDocId,
  type AlignedRow,
  type TranslationLanguage,
  type TranslationSummary,
} from '@concord/core';
import { documentFrom, type DocumentStore } from '@concord/sync';
import { canonicalParagraphs, canonicalParagraphsOfState, readTranslation, stampParagraph, type TranslationContent } from '@concord/text';
import type { VersionStore } from '@concord/versions';
import * as Y from 'yjs';
import type { TranslationRecord, TranslationStore } from './ports.ts';

export interface TranslationServiceOptions {
  store: TranslationStore;
  documents: Pick<DocumentStore, 'load'>;
  versions: Pick<VersionStore, 'list' | 'get'>;
}

export interface SourceParagraph {
  text: string;
  hash: string;
}

export interface TranslationOverview extends TranslationRecord {
  dir: 'ltr' | 'rtl';
  summary: TranslationSummary;
}

/** What a publication carries of one translation: complete and current against the published version. */
export interface PublishedTranslation {
  language: TranslationLanguage;
  dir: 'ltr' | 'rtl';
  /** The translated title; '' when none was given (the publication then shows the source's). */
  title: string;
  /** One per source paragraph, in order. */
  paragraphs: string[];
}

export interface TranslationService {
  /** The statement's languages, without reading their documents. */
  languages(input: { statementId: string }): Promise<TranslationLanguage[]>;
  list(input: { statementId: string }): Promise<TranslationOverview[]>;
  /**
   * Adds `language` to the statement. `input` DomainError `translations.language` for a language
   * not offered or the statement's own; `conflict` `translations.exists` when it is there already.
   */
  add(input: { statementId: string; sourceLanguage: string; language: unknown; by: TranslationRecord['createdBy']; now: number }): Promise<TranslationRecord>;
  /** The current source paragraphs, the stored translation and how they align. */
  view(input: { statementId: string; language: TranslationLanguage }): Promise<{ source: SourceParagraph[]; translation: TranslationContent; rows: AlignedRow[] }>;
  /**
   * The update that stamps the translation of source paragraph `source` (whose hash the reviewer
   * saw: `hash`) as current. `conflict` `translations.source-changed` when that paragraph's text
   * changed since, `translations.not-stale` when there is nothing to mark.
   */
  markCurrent(input: { statementId: string; language: TranslationLanguage; source: number; hash: string }): Promise<Uint8Array>;
  forPublication(input: { statementId: string; versionHash: string }): Promise<PublishedTranslation[]>;
}

async function loadDoc(documents: Pick<DocumentStore, 'load'>, docId: string): Promise<Y.Doc> {
  return documentFrom(await documents.load({ docId }));
}

function rowsFor(source: readonly SourceParagraph[], translation: TranslationContent): AlignedRow[] {
  return alignTranslation({
    source: source.map((p) => p.hash),
    entries: translation.paragraphs.map((p) => ({ sourceHash: p.sourceHash, empty: p.text === '' })),
  });
}

export function createTranslationService(options: TranslationServiceOptions): TranslationService {
  const { store, documents, versions } = options;

  async function currentSource(statementId: string): Promise<SourceParagraph[]> {
    const doc = await loadDoc(documents, statementId);
    try {
      return canonicalParagraphs({ doc });
    } finally {
      doc.destroy();
    }
  }

  async function translationOf(statementId: string, language: TranslationLanguage): Promise<TranslationContent> {
    const doc = await loadDoc(documents, translationDocId({ statementId, language }));
    try {
      return readTranslation({ doc });
    } finally {
      doc.destroy();
    }
  }

  return {
    async languages({ statementId }) {
      return (await store.list({ statementId })).map((t) => t.language);
    },

    async list({ statementId }) {
      const [records, source] = await Promise.all([store.list({ statementId }), currentSource(statementId)]);
      return Promise.all(
        records.map(async (record) => ({
          ...record,
          dir: directionOf(record.language),
          summary: summarizeTranslation(rowsFor(source, await translationOf(statementId, record.language))),
        })),
      );
    },

    async add({ statementId, sourceLanguage, language, by, now }) {
      if (!isTranslationLanguage(language) || language === sourceLanguage.split('-')[0]) {
        throw fail.input('translations.language', 'Choose a language other than the text’s own from the list.');
      }
      const translation: TranslationRecord = { statementId, language, createdAt: now, createdBy: by };
      if (!(await store.add({ translation }))) throw fail.conflict('translations.exists', 'This statement already has a translation into that language.');
      return translation;
    },

    async view({ statementId, language }) {
      const [source, translation] = await Promise.all([currentSource(statementId), translationOf(statementId, language)]);
      return { source, translation, rows: rowsFor(source, translation) };
    },

    async markCurrent({ statementId, language, source: index, hash }) {
      const source = await currentSource(statementId);
      if (source[index]?.hash !== hash) throw fail.conflict('translations.source-changed', 'The source paragraph changed since you read it.');
      const doc = await loadDoc(documents, translationDocId({ statementId, language }));
      try {
        const row = rowsFor(source, readTranslation({ doc })).find((r) => r.source === index);
        if (row?.state !== 'stale' || row.entry === null) throw fail.conflict('translations.not-stale', 'This paragraph is not stale.');
        const before = Y.encodeStateVector(doc);
        stampParagraph({ doc, index: row.entry, sourceHash: hash });
        return Y.encodeStateAsUpdate(doc, before);
      } finally {
        doc.destroy();
      }
    },

    async forPublication({ statementId, versionHash }) {
      const version = (await versions.list({ docId: statementId })).find((v) => v.hash === versionHash);
      const stored = version ? await versions.get({ docId: statementId, seq: version.seq }) : null;
      if (!stored) throw fail.notFound('versions.not-found', 'There is no version of this statement with that hash.');
      const source = canonicalParagraphsOfState({ state: stored.state });
      const published: PublishedTranslation[] = [];
      for (const record of await store.list({ statementId })) {
        const translation = await translationOf(statementId, record.language);
        const rows = rowsFor(source, translation);
        const summary = summarizeTranslation(rows);
        if (!summary.complete || !summary.current) continue;
        const paragraphs = rows.filter((r) => r.source !== null).map((r) => translation.paragraphs[r.entry!]!.text);
        published.push({ language: record.language, dir: directionOf(record.language), title: translation.title, paragraphs });
      }
      return published;
    },
  };
}
