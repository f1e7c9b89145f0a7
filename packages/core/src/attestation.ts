/**
 * A declaration's signed adoption record: the facts a reader needs to check, years later and
 * offline, that the coalition adopted this text — which declaration, which version (its SHA-256),
 * when, by which procedure, with which tally — as one canonical JSON text. The coalition signs
 * those exact bytes with its Ed25519 key at publication; the signature and the bytes are published
 * as they are, so nobody has to re-derive the JSON to verify it. Pure: signing is the caller's.
 */
import type { Stance } from './calls.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Publication, RecordedPosition } from './publication.ts';

/** The format tag inside every signed record; a new shape gets a new tag, never a changed one. */
export const attestationFormat = 'concord.adoption/1';

/** What is published beside a declaration so that anyone can verify its adoption. */
export interface Attestation {
  /** The signed bytes, as UTF-8 text: {@link adoptionStatement} of the declaration. */
  record: string;
  /** Ed25519 signature of `record`'s UTF-8 bytes, base64 (64 bytes). */
  signature: string;
  /** The coalition's public key, PEM (SPKI), as `openssl` and Node read it. */
  publicKey: string;
  /** Hex SHA-256 of the public key's DER: a short name to compare keys by. */
  keyId: string;
}

/** A coalition's published signing key. */
export interface CoalitionKey {
  coalitionId: string;
  publicKey: string;
  keyId: string;
  createdAt: number;
}

type Attested = Pick<Publication, 'coalitionId' | 'coalitionName' | 'slug' | 'title' | 'language' | 'version' | 'record' | 'publishedAt'>;

/** Every recorded position once (an organisation may be both endorsing and explaining), in record order. */
function positionsOf(record: Publication['record']): RecordedPosition[] {
  const seen = new Map<string, RecordedPosition>();
  for (const position of [...record.endorsing, ...record.reservations, ...record.explanations]) {
    if (!seen.has(position.organisationId)) seen.set(position.organisationId, position);
  }
  return [...seen.values()];
}

/**
 * The adoption record to sign, as canonical JSON (keys sorted at every level, no spaces: RFC 8785
 * for the strings and integers it holds). Dates are ISO 8601 in UTC.
 */
export function adoptionStatement(input: { publication: Attested }): string {
  const { publication } = input;
  const positions = positionsOf(publication.record);
  const tally: Partial<Record<Stance | 'silent', number>> = {};
  for (const { stance } of positions) tally[stance] = (tally[stance] ?? 0) + 1;
  return canonicalJson({
    format: attestationFormat,
    coalition: { id: publication.coalitionId, name: publication.coalitionName },
    declaration: { slug: publication.slug, title: publication.title, language: publication.language, publishedAt: new Date(publication.publishedAt).toISOString() },
    version: { seq: publication.version.seq, name: publication.version.name, sha256: publication.version.hash },
    adoption: {
      outcome: 'adopted',
      adoptedAt: new Date(publication.record.adoptedAt).toISOString(),
      procedure: publication.record.procedure,
      tally,
      positions: positions.map((p) => ({ organisation: p.name, stance: p.stance })),
    },
  });
}

export { canonicalJson } from './canonical-json.ts';
