/**
 * Published declarations (DESIGN.md §2, "Publication"): what is snapshotted when the chair
 * publishes an adopted version, and the adoption record computed from the closed call — never
 * typed by hand. Pure: `now`, names and the call are inputs.
 */
import type { ConsensusCall, Procedure, Stance } from './calls.ts';
import type { Attestation } from './attestation.ts';
import { fail } from './errors.ts';
import type { UrgentProcedure } from './notice.ts';

/**
 * A translation as published beside the text: paragraph-aligned to the adopted version. Built by
 * the translations work; publication takes them through a port and renders them as given.
 */
export interface PublishedTranslation {
  /** BCP 47 tag, e.g. `fr`, `ar`. */
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  paragraphs: string[];
}

/** One member organisation of the call's electorate and where it stood when the call closed. */
export interface RecordedPosition {
  organisationId: string;
  /** The organisation's name when the declaration was published. */
  name: string;
  /** `silent`: no reply (consent under the silence procedure). */
  stance: Stance | 'silent';
  /** An explanation of position, published with the text. */
  explanation: string | null;
}

/** The adoption record: when and how the version was adopted, and by whom. */
export interface AdoptionRecord {
  callId: string;
  adoptedAt: number;
  procedure: Procedure;
  /** The call opened below the coalition's notice, and why (absent on records published before notices). */
  urgent?: UrgentProcedure | null;
  /** The member organisations that joined the consensus (support, confirmed ad referendum, silence under the silence procedure). */
  endorsing: RecordedPosition[];
  /** Members that stood aside (abstained): their reservation is part of the record. */
  reservations: RecordedPosition[];
  /** Every position that carries an explanation, in electorate order. */
  explanations: RecordedPosition[];
}

export type PublicationStatus = 'published' | 'withdrawn';

/** A sign-on window: endorsements are taken until `closesAt` (or until closed early). */
export interface SignOnWindow {
  openedAt: number;
  closesAt: number;
  /** Organisations outside the coalition may endorse too. */
  outsiders: boolean;
  closedAt: number | null;
}

/** A declaration: an immutable snapshot of an adopted version, and its (mutable) status and sign-on. */
export interface Publication {
  statementId: string;
  coalitionId: string;
  coalitionName: string;
  /** Readable, unique, never changes once published. */
  slug: string;
  title: string;
  language: string;
  dir: 'ltr' | 'rtl';
  version: { seq: number; name: string; hash: string };
  /** The text as adopted, rendered to HTML on the server from the stored version. */
  html: string;
  /** The same text in plain form, for search. */
  plainText: string;
  record: AdoptionRecord;
  translations: PublishedTranslation[];
  publishedAt: number;
  publishedBy: { userId: string; organisationId: string };
  status: PublicationStatus;
  withdrawn: { at: number; by: string; reason: string } | null;
  signOn: SignOnWindow | null;
  /** The adoption record signed by the coalition at publication (`attestation.ts`); null if published before signing existed. */
  attestation: Attestation | null;
}

const rtlLanguages = new Set(['ar', 'arc', 'dv', 'fa', 'ha-arab', 'he', 'iw', 'ks', 'ku-arab', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The writing direction of a BCP 47 language tag (its language or language-script subtag). */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const parts = language.toLowerCase().split('-');
  const primary = parts[0] ?? '';
  if (parts.includes('arab') || parts.includes('hebr') || parts.includes('thaa')) return 'rtl';
  return rtlLanguages.has(primary) ? 'rtl' : 'ltr';
}

/** The adoption record of a call that closed as adopted; refuses any other call. */
export function adoptionRecord(input: { call: ConsensusCall; names: ReadonlyMap<string, string> }): AdoptionRecord {
  const { call } = input;
  if (call.status !== 'closed' || call.outcome?.result !== 'adopted' || call.closedAt === null) {
    throw fail.conflict('publication.not-adopted', 'Only an adopted version is published.');
  }
  const byOrg = new Map(call.positions.map((p) => [p.organisationId, p]));
  const positions: RecordedPosition[] = call.electorate.map((organisationId) => {
    const position = byOrg.get(organisationId);
    return {
      organisationId,
      name: input.names.get(organisationId) ?? organisationId,
      stance: position?.stance ?? 'silent',
      explanation: position?.explanation ?? null,
    };
  });
  const joins = (p: RecordedPosition) =>
    p.stance === 'support' || p.stance === 'support-ad-referendum' || (p.stance === 'silent' && call.procedure.kind === 'silence');
  return {
    callId: call.id,
    adoptedAt: call.closedAt,
    procedure: call.procedure,
    urgent: call.urgent ?? null,
    endorsing: positions.filter(joins),
    reservations: positions.filter((p) => p.stance === 'abstain'),
    explanations: positions.filter((p) => p.explanation !== null),
  };
}

const slugMax = 60;

/**
 * The readable part of a slug: the title's letters and digits, lower case, hyphen-separated, with
 * Latin accents folded (`Déclaration` → `declaration`) so the URL types easily; other scripts keep
 * their letters. Then the year. A title with no letters at all gives `declaration-<year>`.
 */
export function slugBase(input: { title: string; publishedAt: number }): string {
  const year = new Date(input.publishedAt).getUTCFullYear();
  const words = input.title
    .normalize('NFKD')
    // Only the combining accents of Latin letters are dropped: other scripts' marks are letters' parts.
    .replace(/([a-zA-Z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > slugMax) break;
    base = next;
  }
  return `${base || 'declaration'}-${year}`;
}

/** The `attempt`-th candidate for a slug: the base, then `-2`, `-3`… */
export function slugCandidate(input: { base: string; attempt: number }): string {
  return input.attempt <= 1 ? input.base : `${input.base}-${input.attempt}`;
}

/** Whether a string may be a slug this module made (checked before any lookup). */
export function isSlug(value: string): boolean {
  return value.length > 0 && value.length <= slugMax + 16 && /^[\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*$/u.test(value);
}

export const withdrawalLimits = { reasonMax: 1_000 } as const;

/** A withdrawal states why: the page keeps a visible notice with the reason. */
export function checkWithdrawalOfPublication(input: { publication: Publication; reason: string }): string {
  if (input.publication.status === 'withdrawn') throw fail.conflict('publication.already-withdrawn', 'This declaration was already withdrawn.');
  const reason = input.reason.trim();
  if (!reason) throw fail.input('publication.reason-required', 'Give the reason for the withdrawal.');
  if (reason.length > withdrawalLimits.reasonMax) throw fail.tooLong('publication.reason-too-long', withdrawalLimits.reasonMax);
  return reason;
}

export const publicTitleMax = 300;

/** The public title the chair sets at publication: trimmed, one line, not empty, not too long. */
export function checkPublicTitle(title: string): string {
  const tidy = title.replace(/\s+/g, ' ').trim();
  if (!tidy) throw fail.input('publication.title-required', 'Give the declaration its public title.');
  if (tidy.length > publicTitleMax) throw fail.tooLong('publication.title-too-long', publicTitleMax);
  return tidy;
}

/**
 * A slug the chair chose: lower case letters and digits in words joined by single hyphens, as
 * `slugBase` makes them (so an address reads the same whoever set it). Returned as given.
 */
export function checkChosenSlug(slug: string): string {
  if (!isSlug(slug) || slug !== slug.toLowerCase() || slug.normalize('NFC') !== slug) {
    throw fail.input('publication.slug-invalid', 'Write the address in lower-case letters and digits, words joined by single hyphens (e.g. joint-statement-2026).');
  }
  return slug;
}
