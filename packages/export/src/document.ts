/**
 * `ExportDocument`: everything an export of a statement's version (or of a declaration) shows,
 * as plain data. Every format in this package is a pure function of it; nothing here reads a
 * store, a clock or a file. Build one from a stored version with `exportDocumentFromState`.
 */
import type { InlinePiece, TextBlock } from '@concord/text';

/** Reading direction of a text. */
export type Direction = 'ltr' | 'rtl';

/**
 * One block of the text, exactly as `@concord/text`'s `readBlocks` walks it (heading, paragraph,
 * bullet or numbered list item, with inline runs and marks): the same walk the canonical text
 * and its hash are made from, never re-parsed from HTML.
 */
export type ExportBlock = TextBlock;
export type ExportInline = InlinePiece;

/** The version an export is of: what identifies the text. */
export interface ExportVersion {
  /** "Rev. 1"; null for an automatic checkpoint (or the current, unnamed text). */
  name: string | null;
  /** 1, 2, 3… per statement; null for the current text when it is not a stored version. */
  seq: number | null;
  /** Hex SHA-256 of the canonical text (`contentHash`). */
  hash: string;
  /** When the version was taken (epoch ms). */
  at: number;
}

/** An organisation's position in the consensus call that adopted the text. */
export interface ExportPosition {
  organisation: string;
  stance: 'support' | 'support-ad-referendum' | 'abstain' | 'object';
  explanation: string | null;
}

/** The adoption record: how and when the text was adopted, with the tally per organisation. */
export interface ExportAdoption {
  procedure: 'silence' | 'explicit';
  /** When the call closed with the text adopted (epoch ms). */
  adoptedAt: number;
  positions: ExportPosition[];
  /** Members of the electorate that gave no position: their consent by silence (only a silence procedure counts it). */
  silent: number;
}

/** A paragraph-aligned translation: `paragraphs[i]` translates the i-th paragraph of the source. */
export interface ExportTranslation {
  language: string;
  dir: Direction;
  title: string;
  paragraphs: string[];
}

export interface ExportEndorsement {
  name: string;
  country: string | null;
  /** When the endorsement was made (epoch ms). */
  at: number;
}

/**
 * The words an export shows around the text, in the reader's language. The web app fills them
 * from its messages; `englishLabels` serve tools and tests.
 */
export interface ExportLabels {
  /** BCP 47 tag of the labels' language: dates around the text are written in it too. */
  locale: string;
  version: string;
  hash: string;
  savedAt: string;
  adoption: string;
  procedureSilence: string;
  procedureExplicit: string;
  adoptedAt: string;
  positions: string;
  silent: string;
  stances: Record<ExportPosition['stance'], string>;
  translations: string;
  endorsements: string;
  current: string;
  /** Says the hash is that of the plain-text export, which the Markdown (escaped) cannot be. */
  hashNote: string;
}

export const englishLabels: ExportLabels = {
  locale: 'en',
  version: 'Version',
  hash: 'SHA-256 of the text',
  savedAt: 'Saved',
  adoption: 'Adoption',
  procedureSilence: 'Silence procedure',
  procedureExplicit: 'Explicit consensus',
  adoptedAt: 'Adopted',
  positions: 'Positions',
  silent: 'Consent by silence',
  stances: { support: 'Support', 'support-ad-referendum': 'Support ad referendum', abstain: 'Abstain', object: 'Object' },
  translations: 'Translations',
  endorsements: 'Endorsements',
  current: 'Current text',
  hashNote: 'The SHA-256 above is that of the plain-text export (.txt) of this version, byte for byte: check it there. This Markdown escapes the text for display.',
};

export interface ExportDocument {
  /** The statement's id (`stmt_…`): names the work in Akoma Ntoso and the JSON. */
  id: string;
  title: string;
  /** BCP 47 tag of the text (`en`, `zh-TW`, `ar`). */
  language: string;
  dir: Direction;
  coalition: string;
  /** The text in document order. */
  blocks: ExportBlock[];
  /** The canonical text of the same blocks (`canonicalText`): its SHA-256 is `version.hash`. */
  canonical: string;
  version: ExportVersion;
  adoption?: ExportAdoption | null;
  translations?: ExportTranslation[];
  endorsements?: ExportEndorsement[];
  labels?: ExportLabels;
  /** How dates are written (an IANA zone; default UTC). */
  timeZone?: string;
}

const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The direction a language is written in (its primary subtag). */
export function directionOf(language: string): Direction {
  return rtlLanguages.has(language.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** The plain text of a block's runs (a hard break as a line feed). */
export function blockText(block: ExportBlock): string {
  return block.pieces.map((piece) => ('hardBreak' in piece ? '\n' : piece.text)).join('');
}

/** The label of a version: its name, else "Version 3", else "Current text". */
export function versionTitle(document: ExportDocument): string {
  const labels = document.labels ?? englishLabels;
  const { name, seq } = document.version;
  return name ?? (seq !== null ? `${labels.version} ${seq}` : labels.current);
}

/** A date and time for people, in the document's zone and in the language of its labels (the words around it). */
export function formatTime(document: ExportDocument, at: number): string {
  const format = new Intl.DateTimeFormat(safeLocale((document.labels ?? englishLabels).locale), { dateStyle: 'long', timeStyle: 'long', timeZone: document.timeZone ?? 'UTC' });
  return format.format(new Date(at));
}

/** ISO date (YYYY-MM-DD) in UTC, for identifiers and metadata. */
export function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

function safeLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
