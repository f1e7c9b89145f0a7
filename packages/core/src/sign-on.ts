/**
 * Sign-on after publication (DESIGN.md §2, "Sign-on"): the window, who may endorse, and how
 * organisation names are compared so one organisation is listed once. Pure.
 *
 * Names are kept exactly as the organisation wrote them (diacritics, dashes, parentheses); only
 * the comparison key folds case, Unicode normal form and spacing.
 */
import type { RateLimit } from './auth-rules.ts';
import { fail } from './errors.ts';
import type { Publication, SignOnWindow } from './publication.ts';

export type EndorsementStatus = 'pending' | 'verified' | 'rejected';

/** An organisation's endorsement of a declaration; shown once verified, with its date. */
export interface Endorsement {
  id: string;
  statementId: string;
  /** The organisation's name as it should appear. */
  name: string;
  /** `nameKey(name)`: one endorsement per key. */
  key: string;
  country: string;
  /** How to reach the endorser to verify; never published. */
  contact: string;
  /** The member organisation endorsing, or null for an organisation outside the coalition. */
  organisationId: string | null;
  source: 'form' | 'import';
  status: EndorsementStatus;
  /** When it was given (imports: when imported). */
  at: number;
  decidedAt: number | null;
  decidedBy: string | null;
}

/** Endorsing is open to anyone: a ceiling per address keeps a script from flooding the verifiers. */
export const endorsementRateLimit: RateLimit = { bucket: 'endorse.address', limit: 20, windowMs: 60 * 60_000 };

export const endorsementLimits = { nameMax: 200, countryMax: 80, contactMax: 200, importMax: 2_000, windowMaxDays: 366 } as const;

/** A name as written, tidied: Unicode NFC, surrounding and repeated spaces removed. */
export function tidyName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The comparison key of an organisation's name: tidied and case-folded; nothing else is folded. */
export function nameKey(name: string): string {
  return tidyName(name).toLowerCase();
}

// Control and format characters (bidi overrides included) have no place in a listed name.
const forbidden = /[\p{Cc}\p{Cf}]/u;

function checkName(name: string): string {
  const tidy = tidyName(name);
  if (!tidy) throw fail.input('input.name', 'Give the organisation’s name as it should appear.');
  if (tidy.length > endorsementLimits.nameMax) throw fail.tooLong('signon.name-too-long', endorsementLimits.nameMax);
  if (forbidden.test(tidy)) throw fail.input('signon.name-invalid', 'The name holds characters that cannot be shown.');
  return tidy;
}

/** Parses a signatory list, one organisation a line; blank lines skipped, repeats dropped (first kept). */
export function parseSignatoryList(text: string): { names: string[]; duplicates: string[] } {
  const names: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!tidyName(line)) continue;
    const name = checkName(line);
    if (seen.has(nameKey(name))) duplicates.push(name);
    else {
      seen.add(nameKey(name));
      names.push(name);
    }
  }
  if (names.length > endorsementLimits.importMax) throw fail.input('signon.import-too-long', 'Import at most 2,000 organisations at once.');
  return { names, duplicates };
}

/** Checks a new window at `now`: a published declaration, a future end within a year. */
export function checkSignOnWindow(input: { publication: Publication; closesAt: number; now: number }): void {
  if (input.publication.status !== 'published') throw fail.conflict('signon.not-published', 'Only a published declaration takes endorsements.');
  if (!Number.isFinite(input.closesAt) || input.closesAt <= input.now) throw fail.input('signon.end-past', 'Set an end date in the future.');
  if (input.closesAt - input.now > endorsementLimits.windowMaxDays * 86_400_000) throw fail.input('signon.end-too-far', 'Keep the window within a year.');
}

/** Whether endorsements are taken at `now`. */
export function isSignOnOpen(input: { publication: Publication; now: number }): boolean {
  const window: SignOnWindow | null = input.publication.signOn;
  return input.publication.status === 'published' && window !== null && window.closedAt === null && input.now < window.closesAt;
}

/** Who endorses: a member organisation (signed in, acting for it) or anyone else. */
export type Endorser = { kind: 'member'; organisationId: string; organisationName: string } | { kind: 'outsider' };

export interface EndorsementRequest {
  name: string;
  country: string;
  contact: string;
}

/**
 * Checks an endorsement at `now` and returns it tidied. Members that did not join the consensus
 * endorse as their organisation (their name is the directory's); others only when the window allows organisations outside the
 * coalition. A contact is required to verify, and looks like an email address or a phone number.
 */
export function checkEndorsement(input: { publication: Publication; endorser: Endorser; request: EndorsementRequest; now: number }): EndorsementRequest & { key: string; organisationId: string | null } {
  const { publication, endorser, request } = input;
  if (!isSignOnOpen(input)) throw fail.conflict('signon.closed', 'This declaration is not taking endorsements.');
  if (endorser.kind === 'outsider' && !publication.signOn?.outsiders) {
    throw fail.forbidden('signon.members-only', 'Only member organisations of the coalition endorse this declaration.');
  }
  // A member that joined the consensus is listed in the adoption record already.
  if (endorser.kind === 'member' && publication.record.endorsing.some((p) => p.organisationId === endorser.organisationId)) {
    throw fail.conflict('signon.already-endorsed', 'This organisation has already endorsed the declaration.');
  }
  const name = endorser.kind === 'member' ? tidyName(endorser.organisationName) : checkName(request.name);
  const country = tidyName(request.country);
  if (!country) throw fail.input('input.country', 'Give the country.');
  if (country.length > endorsementLimits.countryMax || forbidden.test(country)) throw fail.input('input.country', 'Give the country.');
  const contact = request.contact.trim();
  const looksReachable = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact) || /^\+?[\d\s().-]{6,}$/.test(contact);
  if (!looksReachable || contact.length > endorsementLimits.contactMax) throw fail.input('input.contact', 'Give an email address or a phone number to verify the endorsement.');
  return { name, country, contact, key: nameKey(name), organisationId: endorser.kind === 'member' ? endorser.organisationId : null };
}

/** Verified endorsements in the order they were given (stable: an import keeps its list's order); `late` when given after publication. */
export function endorsementList(input: { publication: Publication; endorsements: readonly Endorsement[] }): (Endorsement & { late: boolean })[] {
  return input.endorsements
    .filter((e) => e.status === 'verified')
    .map((e) => ({ ...e, late: e.at > input.publication.publishedAt }))
    .sort((a, b) => a.at - b.at);
}
