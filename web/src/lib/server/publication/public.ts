/**
 * What the public reads: declarations (published or withdrawn — never a draft: only what was
 * published is stored as a declaration), their verified endorsements, the index with search, and
 * the JSON shapes of the API. Contacts of endorsers and internal ids never leave here.
 */
import { endorsementList, fail, isSignOnOpen, isSlug, type Publication } from '@concord/core';
import type { PublicationPorts, PublicationRecord } from '@concord/publication/ports';

export interface PublicEndorsement {
  name: string;
  country: string;
  at: number;
  /** Given after publication: a late joiner. */
  late: boolean;
}

export interface DeclarationView {
  publication: Publication;
  endorsements: PublicEndorsement[];
  signOnOpen: boolean;
}

/** A declaration by slug, with its verified endorsements; a `not-found` DomainError otherwise. */
export async function declaration(input: { ports: PublicationPorts; slug: string; now: number }): Promise<DeclarationView> {
  const publication = isSlug(input.slug) ? await input.ports.publications.bySlug(input.slug) : null;
  if (!publication) throw fail.notFound('publication.not-found', 'No such declaration.');
  const stored = await input.ports.publications.endorsements(publication.statementId);
  const endorsements = endorsementList({ publication, endorsements: stored }).map(({ name, country, at, late }) => ({ name, country, at, late }));
  return { publication, endorsements, signOnOpen: isSignOnOpen({ publication, now: input.now }) };
}

const queryMax = 200;

/** Folds a text for search: NFC, lower case, spaces collapsed. */
const fold = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ');

/**
 * Declarations newest first, of one coalition when `coalitionId` is given, matching every word
 * of `q` in the title or the text when given.
 */
export async function declarationIndex(input: { ports: PublicationPorts; coalitionId?: string | null; q?: string | null }): Promise<PublicationRecord[]> {
  const records = (await input.ports.publications.list()).filter((r) => !input.coalitionId || r.coalitionId === input.coalitionId);
  const words = fold((input.q ?? '').slice(0, queryMax)).split(' ').filter(Boolean);
  if (words.length === 0) return records;
  const matches = await Promise.all(
    records.map(async (record) => {
      const full = await input.ports.publications.full(record.statementId);
      const haystack = fold(`${record.title}\n${full?.plainText ?? ''}`);
      return words.every((word) => haystack.includes(word));
    }),
  );
  return records.filter((_, index) => matches[index]);
}

/** A declaration's summary in the API and the feed. */
export function summaryJson(record: PublicationRecord, origin: string) {
  return {
    slug: record.slug,
    url: `${origin}/declarations/${encodeURIComponent(record.slug)}`,
    title: record.title,
    language: record.language,
    coalition: { id: record.coalitionId, name: record.coalitionName },
    status: record.status,
    publishedAt: new Date(record.publishedAt).toISOString(),
    withdrawn: record.withdrawn ? { at: new Date(record.withdrawn.at).toISOString(), reason: record.withdrawn.reason } : null,
    version: record.version,
  };
}

/** A whole declaration in the API: text, record, translations, endorsements. */
export function declarationJson(view: DeclarationView, origin: string) {
  const { publication } = view;
  const { record } = publication;
  const position = (p: (typeof record.endorsing)[number]) => ({ organisation: p.name, stance: p.stance, explanation: p.explanation });
  return {
    ...summaryJson(publication, origin),
    dir: publication.dir,
    html: publication.html,
    text: publication.plainText,
    adoption: {
      adoptedAt: new Date(record.adoptedAt).toISOString(),
      procedure: record.procedure,
      // Opened below the coalition's notice: the reason, and the notice it shortened (hours).
      urgent: record.urgent ?? null,
      endorsing: record.endorsing.map(position),
      reservations: record.reservations.map(position),
      explanations: record.explanations.map(position),
    },
    translations: publication.translations,
    // The hash is that of `plainText` (text/plain, UTF-8); the signature covers `signed.record`'s UTF-8 bytes.
    plainText: `${origin}/declarations/${encodeURIComponent(publication.slug)}/export/txt`,
    signed: publication.attestation
      ? { format: 'ed25519', record: publication.attestation.record, signature: publication.attestation.signature, publicKey: publication.attestation.publicKey, keyId: publication.attestation.keyId }
      : null,
    signOnOpen: view.signOnOpen,
    endorsements: view.endorsements.map((e) => ({ name: e.name, country: e.country || null, at: new Date(e.at).toISOString(), late: e.late })),
  };
}
