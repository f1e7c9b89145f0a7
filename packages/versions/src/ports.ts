/**
 * The port the version service consumes: an append-only store of a document's versions.
 * Implementations: in memory (`memory-version-store.ts`, for tests) and DynamoDB
 * (`@concord/data`'s `createVersionStore`); the integration suite runs the same contract over both.
 * Versions are immutable: there is no update and no delete.
 */

/** A person acting for an organisation. */
export interface VersionAuthor {
  userId: string;
  organisationId: string;
}

export type VersionKind = 'checkpoint' | 'named';

/** One version of a statement's text, without its state. */
export interface Version {
  docId: string;
  /** 1, 2, 3… per document, in the order versions were stored. */
  seq: number;
  kind: VersionKind;
  /** The name given ("Rev. 1"); null for a checkpoint. */
  name: string | null;
  /** `contentHash` of the version's text (hex SHA-256 of its canonical text). */
  hash: string;
  /** Epoch ms. */
  createdAt: number;
  /** Who made it; null for an automatic checkpoint. */
  createdBy: VersionAuthor | null;
  /** Who changed the text since the previous version (persons and their organisations). */
  authors: VersionAuthor[];
  /** The version this one restored, when it was made by restoring; else null. */
  restoredFrom: number | null;
  /** Size of the stored state in bytes. */
  bytes: number;
}

/** A version with its full state: `Y.encodeStateAsUpdateV2` of the document when it was taken. */
export interface StoredVersion extends Version {
  state: Uint8Array;
}

/** What the caller gives to store a version; the store assigns `seq` and `bytes`. */
export type NewVersion = Omit<Version, 'docId' | 'seq' | 'bytes'>;

export interface VersionStore {
  /**
   * Stores `version` as the document's latest + 1. `when`, if given, is asked with the latest
   * version before every attempt (again after a lost race): false stores nothing and resolves
   * null. A lost race (another version took the number) is retried; after too many, a
   * `conflict` DomainError (`versions.append-contended`). A named version whose name another
   * version of the document already has (compared by `nameKey` in names.ts) is refused with a `conflict`
   * DomainError (`versions.name-taken`), checked against every version stored before it — so of
   * two racing appends of one name exactly one is stored.
   */
  append(input: { docId: string; version: NewVersion; state: Uint8Array; when?: (latest: Version | null) => boolean }): Promise<Version | null>;
  /** The newest version, or null when there is none (consistent read). */
  latest(input: { docId: string }): Promise<Version | null>;
  /** Versions newest first, at most `limit` (default: all), without their states. */
  list(input: { docId: string; limit?: number }): Promise<Version[]>;
  /** One version with its state, or null. */
  get(input: { docId: string; seq: number }): Promise<StoredVersion | null>;
}

