/**
 * What publishing and sign-on need, as ports. The web wires them to DynamoDB (`@concord/data`
 * publication-wiring.ts: `createPublicationStore`, `createCoalitionKeys`, the calls, versions and
 * directory), the versions store and the text renderer (`@concord/text` renderState); the
 * integration tests wire the same on dynalite; unit tests use the in-memory ones (`memory.ts`).
 */
import type { CallAudit, CallDirectory, CallStore } from '@concord/calls/ports';
import type { CoalitionKey, Endorsement, Publication, PublishedTranslation, SignOnWindow } from '@concord/core';

/** A declaration's record without its text: what lists, feeds and management read. */
export type PublicationRecord = Omit<Publication, 'html' | 'plainText' | 'translations'>;

/**
 * Published declarations, their slugs and endorsements (DynamoDB: `@concord/data`
 * publications.ts; in memory: memory.ts). Every change is conditional on the state it changes
 * from, so of two concurrent acts exactly one wins.
 */
export interface PublicationStore {
  /** Claims `slug` for `statementId`; true when it is (or already was) this statement's. */
  claimSlug(input: { slug: string; statementId: string }): Promise<boolean>;
  /** Stores the declaration; false when the statement was already published (nothing changes). */
  publish(publication: Publication): Promise<boolean>;
  record(statementId: string): Promise<PublicationRecord | null>;
  /** The whole declaration (text and translations included), by slug. */
  bySlug(slug: string): Promise<Publication | null>;
  full(statementId: string): Promise<Publication | null>;
  /** Every declaration's record, newest first. */
  list(): Promise<PublicationRecord[]>;
  /** Marks a published declaration withdrawn; false when it was not published. */
  withdraw(input: { statementId: string; withdrawn: NonNullable<Publication['withdrawn']> }): Promise<boolean>;
  /** Sets the sign-on window (a new one replaces a closed or ended one); false unless published. */
  setSignOn(input: { statementId: string; signOn: SignOnWindow }): Promise<boolean>;
  /** Closes an open window early; false when none was open. */
  closeSignOn(input: { statementId: string; now: number }): Promise<boolean>;
  /** Adds an endorsement unless its organisation (by name key) already endorsed: then false. */
  addEndorsement(endorsement: Endorsement): Promise<boolean>;
  /** A declaration's endorsements, by id (ids are monotonic: the order they were given). */
  endorsements(statementId: string): Promise<Endorsement[]>;
  /** Verifies or rejects a pending endorsement; false when it was not pending. A rejected name may endorse again. */
  decide(input: { statementId: string; endorsementId: string; status: 'verified' | 'rejected'; by: string; now: number }): Promise<boolean>;
}

/**
 * Each coalition's Ed25519 signing key (DynamoDB, its private half sealed: `@concord/data`
 * coalition-keys.ts; in memory: memory.ts). What is signed, and how the signature is kept, is
 * this package's (`attestation.ts`).
 */
export interface CoalitionKeys {
  /** The coalition's public key, or null while it has never signed. */
  publicKey(coalitionId: string): Promise<CoalitionKey | null>;
  /** Signs `message` with the coalition's key (made now if it has none): a base64 Ed25519 signature and the key it verifies with. */
  sign(input: { coalitionId: string; message: Uint8Array; now: number }): Promise<{ signature: string; key: CoalitionKey }>;
}

/**
 * Translations of the adopted version, paragraph-aligned (`@concord/translations`
 * `forPublication`). A wiring without one gives none (`noTranslations` in `@concord/data`
 * publication-wiring.ts).
 */
export interface TranslationSource {
  forPublication(input: { statementId: string; versionHash: string }): Promise<PublishedTranslation[]>;
}

export interface PublicationPorts {
  publications: PublicationStore;
  calls: Pick<CallStore, 'listByStatement'>;
  /** The stored state of a version (Yjs update v2) and its hash, from the versions store. */
  versions: { get(input: { docId: string; seq: number }): Promise<{ state: Uint8Array; hash: string } | null> };
  /** A stored state as HTML and plain text (`@concord/text` renderState). */
  render(input: { state: Uint8Array }): { html: string; plainText: string };
  directory: CallDirectory & { coalitionName(coalitionId: string): Promise<string> };
  translations: TranslationSource;
  /** Each coalition's signing key: the adoption record is signed at publication. */
  keys: CoalitionKeys;
  audit: CallAudit;
  /** A new endorsement id; monotonic, so an import's endorsements sort in the list's order. */
  newId(): string;
}
