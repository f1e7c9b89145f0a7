/**
 * The version service: automatic checkpoints, named versions and restoring, over the document
 * store of the sync core and a VersionStore. Each version is the document's full state
 * (`Y.encodeStateAsUpdateV2` of the live, garbage-collected document: SYNC-NOTES) and the
 * SHA-256 of its canonical text.
 *
 * Checkpoints ride on the sync core's `afterCompaction` hook: while people edit (a long tail was
 * compacted, at most every `checkpointEveryMs`) and whenever the last editor leaves. A checkpoint
 * of a text equal to the latest version's is never stored; a named version always is — naming
 * is the act.
 */
import { fail } from '@concord/core';
import { documentFrom, type CompactionReason, type DocumentState, type DocumentStore } from '@concord/sync';
import { canonicalText, compareVersions, contentHash, restoreUpdate, type Comparison } from '@concord/text';
import * as Y from 'yjs';
import { authorsFrom, authorTag } from './authors.ts';
import { refuseTaken } from './names.ts';
import type { StoredVersion, Version, VersionAuthor, VersionStore } from './ports.ts';

export interface VersionServiceOptions {
  documents: Pick<DocumentStore, 'load' | 'takeAuthors'>;
  versions: VersionStore;
  /** After a compaction of a long tail, a checkpoint only once the latest version is this old (default 10 minutes). */
  checkpointEveryMs?: number;
}

/** How a server-made change reaches the store and every open editor: the sync core's `broadcastUpdate`. */
export type Broadcast = (input: { docId: string; update: Uint8Array; author: string }) => Promise<void>;

export interface RestoreOutcome {
  /** The version brought back. */
  restored: Version;
  /** The new version recording the restored text; null when the text already was that version's. */
  version: Version | null;
}

export interface VersionService {
  /** Stores a checkpoint if the text changed since the latest version (and, for 'tail', it is old enough). */
  checkpoint(input: { docId: string; reason: CompactionReason; now: number; state?: DocumentState }): Promise<Version | null>;
  /**
   * Stores the current text as a named version. Throws an `input` DomainError `input.name` for a
   * bad name, a `conflict` DomainError `versions.name-taken` for a name the statement already has.
   */
  nameVersion(input: { docId: string; name: string; actor: VersionAuthor; now: number }): Promise<Version>;
  /**
   * Makes the current text equal to version `seq`'s as one new change, handed to `broadcast`
   * (stored and sent to every editor), then records the result as a new version. Throws a
   * `not-found` DomainError (`versions.not-found`) for an unknown version.
   */
  restore(input: { docId: string; seq: number; actor: VersionAuthor; now: number; broadcast: Broadcast }): Promise<RestoreOutcome>;
  /** Versions, newest first. */
  list(input: { docId: string; limit?: number }): Promise<Version[]>;
  latest(input: { docId: string }): Promise<Version | null>;
  get(input: { docId: string; seq: number }): Promise<StoredVersion | null>;
  /** Two versions compared (either order given; the older is the lower number). Null when either is unknown. */
  compare(input: { docId: string; from: number; to: number }): Promise<{ older: Version; newer: Version; comparison: Comparison } | null>;
}

/** A name for a version: 1–80 characters after trimming, no control characters. */
export const versionNameLimit = 80;
const defaultCheckpointEveryMs = 10 * 60_000;
/** Documents whose latest version this process remembers (least recently used forgotten first). */
const rememberedDocuments = 4_096;

export function createVersionService(options: VersionServiceOptions): VersionService {
  const { documents, versions } = options;
  const checkpointEveryMs = options.checkpointEveryMs ?? defaultCheckpointEveryMs;
  // When the latest version this process saw or made of each document was taken. Versions are
  // immutable and only ever newer, so while it is recent a compaction's checkpoint cannot be due
  // and is skipped without reading the latest version (a Query every compaction of a long tail).
  const latestSeen = new Map<string, number>();
  const saw = (docId: string, version: Version | null) => {
    if (!version) return version;
    const known = latestSeen.get(docId) ?? 0;
    latestSeen.delete(docId);
    latestSeen.set(docId, Math.max(known, version.createdAt));
    if (latestSeen.size > rememberedDocuments) latestSeen.delete(latestSeen.keys().next().value as string);
    return version;
  };

  /** The text now: read from the store, or the state a compaction just committed (no second read). */
  async function current(docId: string, known?: DocumentState): Promise<{ doc: Y.Doc; state: Uint8Array; hash: string }> {
    const doc = documentFrom(known ?? (await documents.load({ docId })));
    return { doc, state: Y.encodeStateAsUpdateV2(doc), hash: contentHash({ doc }) };
  }

  async function checkpoint(input: { docId: string; reason: CompactionReason; now: number; state?: DocumentState }): Promise<Version | null> {
    const { docId, reason, now } = input;
    const seen = latestSeen.get(docId);
    if (reason === 'tail' && seen !== undefined && now - seen < checkpointEveryMs) return null;
    const latest = saw(docId, await versions.latest({ docId }));
    // A long tail compacts often while people type: when no checkpoint can be due yet, skip reading
    // and hashing the whole text (it ran on the message path, and cost every keystroke under load).
    if (reason === 'tail' && latest && now - latest.createdAt < checkpointEveryMs) return null;
    const { doc, state, hash } = await current(docId, input.state);
    const empty = canonicalText({ doc }) === '';
    doc.destroy();
    const due = (latest: Version | null) => {
      if (!latest) return !empty;
      if (latest.hash === hash) return false;
      return reason !== 'tail' || now - latest.createdAt >= checkpointEveryMs;
    };
    if (!due(latest)) return null;
    const authors = authorsFrom(await documents.takeAuthors({ docId }));
    const version = { kind: 'checkpoint' as const, name: null, hash, createdAt: now, createdBy: null, authors, restoredFrom: null };
    return saw(docId, await versions.append({ docId, version, state, when: due }));
  }

  async function nameVersion(input: { docId: string; name: string; actor: VersionAuthor; now: number }): Promise<Version> {
    const name = checkedName(input.name);
    // Early, for a clear answer before the authors are taken; the store checks again atomically.
    refuseTaken(await versions.list({ docId: input.docId }), name);
    const { doc, state, hash } = await current(input.docId);
    doc.destroy();
    const authors = authorsFrom(await documents.takeAuthors({ docId: input.docId }));
    const createdBy = { userId: input.actor.userId, organisationId: input.actor.organisationId };
    const version = { kind: 'named' as const, name, hash, createdAt: input.now, createdBy, authors, restoredFrom: null };
    return saw(input.docId, await versions.append({ docId: input.docId, version, state })) as Version;
  }

  async function restore(input: Parameters<VersionService['restore']>[0]): Promise<RestoreOutcome> {
    const { docId, seq, actor } = input;
    const target = await versions.get({ docId, seq });
    if (!target) throw fail.notFound('versions.not-found', 'There is no such version.');
    const { state: targetState, ...restored } = target;
    const { doc, state } = await current(docId);
    try {
      const update = restoreUpdate({ current: state, target: targetState });
      if (!update) return { restored, version: null };
      await input.broadcast({ docId, update, author: authorTag(actor) });
      Y.applyUpdate(doc, update);
      const authors = authorsFrom(await documents.takeAuthors({ docId }));
      const createdBy = { userId: actor.userId, organisationId: actor.organisationId };
      const version = { kind: 'checkpoint' as const, name: null, hash: contentHash({ doc }), createdAt: input.now, createdBy, authors, restoredFrom: seq };
      return { restored, version: saw(docId, await versions.append({ docId, version, state: Y.encodeStateAsUpdateV2(doc) })) };
    } finally {
      doc.destroy();
    }
  }

  async function compare(input: { docId: string; from: number; to: number }) {
    const [a, b] = [Math.min(input.from, input.to), Math.max(input.from, input.to)];
    const [older, newer] = await Promise.all([versions.get({ docId: input.docId, seq: a }), versions.get({ docId: input.docId, seq: b })]);
    if (!older || !newer) return null;
    const comparison = compareVersions({ older: older.state, newer: newer.state });
    const { state: _o, ...olderVersion } = older;
    const { state: _n, ...newerVersion } = newer;
    return { older: olderVersion, newer: newerVersion, comparison };
  }

  return {
    checkpoint,
    nameVersion,
    restore,
    compare,
    list: (input) => versions.list(input),
    latest: (input) => versions.latest(input),
    get: (input) => versions.get(input),
  };
}

/** The trimmed name, or an `input.name` DomainError saying what is wrong with it. */
export function checkedName(raw: string): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  if (length === 0) throw fail.input('input.name', 'Give the version a name, such as “Rev. 1”.');
  if (length > versionNameLimit) throw fail.input('input.name', `A version name has at most ${versionNameLimit} characters.`);
  if (/\p{Cc}/u.test(name)) throw fail.input('input.name', 'A version name cannot hold control characters.');
  return name;
}

/**
 * The sync core's version hooks, for every process whose sync handlers write documents: a
 * checkpoint at each quiet moment (`afterCompaction`), and of the text as it was before a wipe
 * (`beforeLargeDeletion`: select all, delete). The sync core logs a failure and carries on; the
 * text is safe either way.
 */
export function versionHooks(input: { service: Pick<VersionService, 'checkpoint'>; now?: () => number }) {
  const now = input.now ?? Date.now;
  return {
    async afterCompaction({ docId, reason, state }: { docId: string; reason: CompactionReason; state?: DocumentState }): Promise<void> {
      await input.service.checkpoint({ docId, reason, now: now(), ...(state ? { state } : {}) });
    },
    async beforeLargeDeletion({ docId }: { docId: string }): Promise<void> {
      await input.service.checkpoint({ docId, reason: 'large-deletion', now: now() });
    },
  };
}
