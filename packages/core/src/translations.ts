/**
 * Translations of a statement: pure rules (issue 6). A translation is its own live Yjs document,
 * one per statement and language, holding translated paragraphs; each stamped with the SHA-256
 * of the source paragraph it translates.
 *
 * Matching translated paragraphs to the source when the source gains or loses paragraphs
 * ({@link alignTranslation}): the longest common subsequence of the stamped hashes and the source
 * paragraphs' hashes anchors the paragraphs that are unchanged; a paragraph whose hash is found
 * out of order (moved, or created concurrently by two translators) matches too. Between two
 * anchors, the source paragraphs and translated paragraphs left over are paired in order (their
 * source was edited: stale); source paragraphs left without a partner have no translation yet
 * (missing, a new translated paragraph goes there), translated paragraphs left over translate a
 * paragraph the source no longer has (orphaned: kept and shown, never published, until someone
 * removes them — also the fate of a second translation of one paragraph that two people started
 * at the same moment). So inserting, deleting or moving a source paragraph never shifts the
 * others into staleness.
 */

/** How a paragraph's translation stands against the source. */
export type ParagraphState = 'current' | 'stale' | 'missing' | 'orphaned';

/** One translated paragraph as stored: the hash of the source it translates, and whether it has words. */
export interface TranslatedParagraph {
  sourceHash: string;
  empty: boolean;
}

/** One row beside the source: a source paragraph and its translated paragraph, either may be absent. */
export interface AlignedRow {
  /** Index of the source paragraph; null for an orphaned translation. */
  source: number | null;
  /** Index of the translated paragraph; null when none exists yet. */
  entry: number | null;
  state: ParagraphState;
  /** Where a new translated paragraph for this row is inserted (the entry index it would take). */
  insertAt: number;
}

export interface TranslationSummary {
  paragraphs: number;
  stale: number;
  missing: number;
  orphaned: number;
  /** Every source paragraph has a non-empty translation. */
  complete: boolean;
  /** No translated paragraph is stale. */
  current: boolean;
}

/** Pairs of indices (source, entry) of a longest common subsequence of equal hashes, in order. */
function commonHashes(source: readonly string[], entries: readonly string[]): [number, number][] {
  const rows = source.length + 1;
  const cols = entries.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = source.length - 1; i >= 0; i--) {
    for (let j = entries.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        source[i] === entries[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < source.length && j < entries.length) {
    if (source[i] === entries[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * The rows of a translation beside its source, in source order (orphans where they stood).
 * `source` is the source paragraphs' hashes; `entries` the translated paragraphs in order.
 */
export function alignTranslation(input: { source: readonly string[]; entries: readonly TranslatedParagraph[] }): AlignedRow[] {
  const { source, entries } = input;
  const anchors = commonHashes(source, entries.map((e) => e.sourceHash));
  const partner = new Map<number, number>(anchors);
  const used = new Set<number>(anchors.map(([, e]) => e));
  // A paragraph translated out of order (moved, or two people starting paragraphs at once) still
  // matches by its hash: the order of translated paragraphs carries no meaning of its own.
  source.forEach((hash, s) => {
    if (partner.has(s)) return;
    const e = entries.findIndex((entry, i) => !used.has(i) && entry.sourceHash === hash);
    if (e >= 0) {
      partner.set(s, e);
      used.add(e);
    }
  });
  const paired = (s: number, e: number, stale: boolean): AlignedRow => ({ source: s, entry: e, state: entries[e]!.empty ? 'missing' : stale ? 'stale' : 'current', insertAt: e });
  const rows: AlignedRow[] = [];
  let s = 0;
  let e = 0;
  for (const [anchorS, anchorE] of [...anchors, [source.length, entries.length] as [number, number]]) {
    const leftover: number[] = [];
    for (let i = e; i < anchorE; i++) if (!used.has(i)) leftover.push(i);
    let cursor = e;
    for (; s < anchorS; s++) {
      const matched = partner.get(s);
      const next = matched === undefined ? leftover.shift() : undefined;
      if (matched !== undefined) rows.push(paired(s, matched, false));
      else if (next !== undefined) {
        rows.push(paired(s, next, true));
        cursor = next + 1;
      } else rows.push({ source: s, entry: null, state: 'missing', insertAt: cursor });
    }
    for (const orphan of leftover) rows.push({ source: null, entry: orphan, state: 'orphaned', insertAt: orphan });
    if (anchorS < source.length) {
      rows.push(paired(anchorS, anchorE, false));
      s = anchorS + 1;
      e = anchorE + 1;
    }
  }
  return rows;
}

/** Counts of the rows, and whether the translation is complete and current. */
export function summarizeTranslation(rows: readonly AlignedRow[]): TranslationSummary {
  const count = (state: ParagraphState) => rows.filter((row) => row.state === state).length;
  const stale = count('stale');
  const missing = count('missing');
  return {
    paragraphs: rows.filter((row) => row.source !== null).length,
    stale,
    missing,
    orphaned: count('orphaned'),
    complete: missing === 0,
    current: stale === 0,
  };
}

/** Languages a statement may be translated into: BCP 47 tag, its own name, and writing direction. */
export const translationLanguages = {
  ar: { name: 'العربية', dir: 'rtl' },
  de: { name: 'Deutsch', dir: 'ltr' },
  en: { name: 'English', dir: 'ltr' },
  es: { name: 'Español', dir: 'ltr' },
  fa: { name: 'فارسی', dir: 'rtl' },
  fr: { name: 'Français', dir: 'ltr' },
  he: { name: 'עברית', dir: 'rtl' },
  hi: { name: 'हिन्दी', dir: 'ltr' },
  ja: { name: '日本語', dir: 'ltr' },
  pt: { name: 'Português', dir: 'ltr' },
  ru: { name: 'Русский', dir: 'ltr' },
  sw: { name: 'Kiswahili', dir: 'ltr' },
  tr: { name: 'Türkçe', dir: 'ltr' },
  ur: { name: 'اردو', dir: 'rtl' },
  zh: { name: '中文', dir: 'ltr' },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl' }>;
export type TranslationLanguage = keyof typeof translationLanguages;

export function isTranslationLanguage(value: unknown): value is TranslationLanguage {
  return typeof value === 'string' && Object.hasOwn(translationLanguages, value);
}

/** Writing direction of a language tag (its primary subtag); unknown tags read left to right. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return isTranslationLanguage(primary) ? translationLanguages[primary].dir : 'ltr';
}

const docSeparator = '--tr-';

/**
 * The Yjs document id of a statement's translation. The gateway accepts `[A-Za-z0-9_-]{1,80}`;
 * statement ids (`stmt_<ulid>`) never contain `--`, so the two kinds of id cannot collide.
 */
export function translationDocId(input: { statementId: string; language: TranslationLanguage }): string {
  return `${input.statementId}${docSeparator}${input.language}`;
}

/** The statement and language of a translation's document id; null for any other id. */
export function parseTranslationDocId(docId: string): { statementId: string; language: TranslationLanguage } | null {
  const at = docId.lastIndexOf(docSeparator);
  if (at <= 0) return null;
  const language = docId.slice(at + docSeparator.length);
  return isTranslationLanguage(language) ? { statementId: docId.slice(0, at), language } : null;
}
