/**
 * Key encoding for the one table: every pk/sk string the package writes is built here, so the
 * layout in README.md has a single source. Pure; the attribute *names* come from
 * `table-definition.ts`.
 *
 * Ids are embedded with `#` as the separator, so `#` (and `%`, the escape character) inside an
 * id are percent-escaped: `DOC#a#b` can then never be read as two components.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/** Escapes `%` and `#` so an id can sit between `#` separators. */
export function keyPart(id: string): string {
  return id.replace(/%/g, '%25').replace(/#/g, '%23');
}

/** Zero-pads a non-negative integer so that string order equals numeric order. */
export function pad(input: { value: number; width: number }): string {
  const { value, width } = input;
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot pad ${value}`);
  const text = String(value);
  if (text.length > width) throw new RangeError(`${value} does not fit in ${width} digits`);
  return text.padStart(width, '0');
}

/** The inclusive upper bound of every sort key that begins with `prefix` (ids and pads never hold U+FFFF). */
export const prefixEnd = (prefix: string) => `${prefix}\uffff`;

const versionWidth = 12;
/** Epoch milliseconds, zero-padded: enough digits until the year 33658. */
const timeWidth = 15;
const partWidth = 4;

export const documentKeys = {
  pk: (docId: string) => `DOC#${keyPart(docId)}`,
  head: 'HEAD',
  /** The head item's key. */
  headItem: (docId: string) => ({ pk: documentKeys.pk(docId), sk: documentKeys.head }),
  updatePrefix: 'U#',
  /** Inclusive upper bound of every update's sort key. */
  updatesEnd: prefixEnd('U#'),
  /** One whole update. */
  update: (id: string) => `U#${id}`,
  /** Part `index` of a split update; parts of one update sort together, in index order. */
  updatePart: (input: { id: string; index: number }) => `U#${input.id}#P${pad({ value: input.index, width: partWidth })}`,
  snapshotPrefix: 'SNAP#',
  /** Every part of one snapshot attempt: `SNAP#<version>#<attempt>#`. */
  snapshotAttemptPrefix: (input: { version: number; attempt: string }) =>
    `SNAP#${pad({ value: input.version, width: versionWidth })}#${input.attempt}#`,
  snapshotPart: (input: { version: number; attempt: string; index: number }) =>
    `${documentKeys.snapshotAttemptPrefix(input)}${pad({ value: input.index, width: partWidth })}`,
  /** Inclusive upper bound of every snapshot sort key of `version` and older. */
  snapshotsThrough: (version: number) => `SNAP#${pad({ value: version, width: versionWidth })}#~`,
  connectionPrefix: 'CONN#',
  connection: (connectionId: string) => `CONN#${keyPart(connectionId)}`,
} as const;

/** Where `get({ connectionId })` finds the document of a connection. */
export const connectionPointerKeys = {
  pk: (connectionId: string) => `CONN#${keyPart(connectionId)}`,
  sk: 'CONN',
} as const;

export const chunkKeys = {
  pk: (input: { connectionId: string; messageId: string }) => `MSG#${keyPart(input.connectionId)}#${keyPart(input.messageId)}`,
  counter: 'COUNT',
  /** Chunks of one generation of a message (a generation restarts after expiry). */
  chunkPrefix: (generation: string) => `C#${generation}#`,
  chunk: (input: { generation: string; index: number }) => `C#${input.generation}#${pad({ value: input.index, width: 6 })}`,
} as const;

export const ticketKeys = {
  pk: (hash: string) => `TICKET#${hash}`,
  sk: 'TICKET',
} as const;

/** Entities are one item each, keyed by id; `gsi1` lists them by parent. */
export const entityKeys = {
  coalition: { pk: (id: string) => `COAL#${keyPart(id)}`, sk: 'COAL' },
  /** The coalition's Ed25519 signing key, beside the coalition item. */
  signingKey: { pk: (coalitionId: string) => `COAL#${keyPart(coalitionId)}`, sk: 'SIGNKEY' },
  organisation: { pk: (id: string) => `ORG#${keyPart(id)}`, sk: 'ORG' },
  user: { pk: (id: string) => `USR#${keyPart(id)}`, sk: 'USR' },
  statement: { pk: (id: string) => `STMT#${keyPart(id)}`, sk: 'STMT' },
  taskForce: { pk: (id: string) => `TF#${keyPart(id)}`, sk: 'TF' },
  /** gsi1 partition holding every coalition, sorted by `coalitionEntry`. */
  allCoalitions: 'COALITIONS',
  coalitionEntry: (id: string) => `COAL#${keyPart(id)}`,
  coalitionPrefix: 'COAL#',
  /** gsi1 partition of one coalition's organisations, task forces, users and statements. */
  coalitionMembers: (coalitionId: string) => `COAL#${keyPart(coalitionId)}`,
  /** gsi1 sort key: kind prefix, then the id (ULID ids list in creation order). */
  member: (input: { kind: MemberKind; id: string }) => `${entityKeys.memberPrefix(input.kind)}${keyPart(input.id)}`,
  memberPrefix: (kind: MemberKind) => `${kind}#`,
} as const;

export type MemberKind = 'ORG' | 'TF' | 'USR' | 'STMT';

/** A person's account shares the partition of their directory entry; the email index is its own item. */
export const accountKeys = {
  pk: (userId: string) => `USR#${keyPart(userId)}`,
  sk: 'ACCOUNT',
  emailPk: (normalisedEmail: string) => `EMAIL#${keyPart(normalisedEmail)}`,
  emailSk: 'EMAIL',
} as const;

export const sessionKeys = {
  pk: (id: string) => `SESSION#${keyPart(id)}`,
  sk: 'SESSION',
  /** gsi1: a person's sessions. */
  byUser: (userId: string) => `USER#${keyPart(userId)}#SESSIONS`,
  entry: (id: string) => `SESSION#${keyPart(id)}`,
} as const;

export const invitationKeys = {
  pk: (id: string) => `INVITE#${keyPart(id)}`,
  sk: 'INVITE',
  /** gsi1: a coalition's invitations, oldest first. */
  byCoalition: (coalitionId: string) => `COAL#${keyPart(coalitionId)}#INVITES`,
  entry: (input: { createdAt: number; id: string }) => `${pad({ value: input.createdAt, width: timeWidth })}#${keyPart(input.id)}`,
} as const;

export const resetKeys = {
  pk: (id: string) => `RESET#${keyPart(id)}`,
  sk: 'RESET',
} as const;

/** One counter per limit, key and window: a new window is a new item, the old one expires. */
export const rateKeys = {
  pk: (input: { bucket: string; key: string; windowStart: number }) =>
    `RATE#${keyPart(input.bucket)}#${rateKeyPart(input.key)}#${pad({ value: input.windowStart, width: timeWidth })}`,
  sk: 'RATE',
} as const;

const rateKeyMaxBytes = 256;
const encoder = new TextEncoder();

/**
 * A rate-limit key (an email, an address — anything a client sends) as one key component:
 * escaped like an id, or, when too long for a key or not valid Unicode, `%H` and its SHA-256.
 * An escaped key never holds `%H` (every `%` becomes `%25`), so the two forms cannot meet.
 */
export function rateKeyPart(key: string): string {
  const escaped = keyPart(key);
  if (!/\p{Surrogate}/u.test(key) && encoder.encode(escaped).length <= rateKeyMaxBytes) return escaped;
  return `%H${encodeHexLowerCase(sha256(encoder.encode(key)))}`;
}

/** A failed attempt's backoff (attempt-throttle.ts): one item per bucket and throttled key. */
export const throttleKeys = {
  pk: (input: { bucket: string; key: string }) => `THROTTLE#${rateKeyPart(input.bucket)}#${rateKeyPart(input.key)}`,
  sk: 'THROTTLE',
} as const;

const seqWidth = 12;

/** A coalition's audit log is one partition, entries in sequence order. */
export const auditKeys = {
  pk: (coalitionId: string) => `AUDIT#${keyPart(coalitionId)}`,
  entryPrefix: 'E#',
  entry: (seq: number) => `E#${pad({ value: seq, width: seqWidth })}`,
  /** The sealed head: count and newest hash (outside `entryPrefix`, so never read as an entry). */
  head: 'HEAD',
} as const;

/** gsi1 on a connection's pointer item: a person's connections, across documents. */
export const userConnectionKeys = {
  byUser: (userId: string) => `USER#${keyPart(userId)}#CONNS`,
  entry: (connectionId: string) => `CONN#${keyPart(connectionId)}`,
} as const;

/** DynamoDB's TTL wants epoch seconds; rounding up never expires an item early. */
export function ttlSeconds(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}

/** A consensus call: its item and its position history share one partition. */
export const callKeys = {
  pk: (callId: string) => `CALL#${keyPart(callId)}`,
  sk: 'CALL',
  historyPrefix: 'H#',
  /** One position taken (ULIDs sort in time order). */
  history: (id: string) => `H#${id}`,
  /** gsi1: a statement's calls, oldest first. */
  byStatement: (statementId: string) => `STMT#${keyPart(statementId)}#CALLS`,
  statementEntry: (input: { openedAt: number; callId: string }) => `${pad({ value: input.openedAt, width: 15 })}#${keyPart(input.callId)}`,
  /** A due-list entry per open call, so the scheduler finds those past their deadline. */
  due: (callId: string) => ({ pk: `DUE#${keyPart(callId)}`, sk: 'DUE' }),
  /** gsi1: every open call by deadline. */
  openCalls: 'CALLS#OPEN',
  dueEntry: (input: { deadline: number; callId: string }) => `${pad({ value: input.deadline, width: 15 })}#${keyPart(input.callId)}`,
  /** Inclusive upper bound of the due entries of every call whose deadline is at or before `now`. */
  dueThrough: (now: number) => `${pad({ value: now, width: 15 })}#~`,
} as const;

/**
 * Comments, amendments and brackets of one statement share one partition, so `list` is one
 * consistent query. Children sort under their parent (`T#<thread>#M#<message>`).
 */
export const negotiationKeys = {
  pk: (docId: string) => `NOTES#${keyPart(docId)}`,
  thread: (threadId: string) => `T#${keyPart(threadId)}`,
  message: (input: { threadId: string; messageId: string }) => `T#${keyPart(input.threadId)}#M#${keyPart(input.messageId)}`,
  amendment: (amendmentId: string) => `A#${keyPart(amendmentId)}`,
  /** The current position of one organisation: overwritten, one per organisation. */
  position: (input: { amendmentId: string; organisationId: string }) => `A#${keyPart(input.amendmentId)}#P#${keyPart(input.organisationId)}`,
  /** One position taken, kept for ever (ULIDs sort in time order). */
  positionChange: (input: { amendmentId: string; changeId: string }) => `${negotiationKeys.positionChangePrefix(input.amendmentId)}${keyPart(input.changeId)}`,
  positionChangePrefix: (amendmentId: string) => `A#${keyPart(amendmentId)}#H#`,
  bracket: (bracketId: string) => `B#${keyPart(bracketId)}`,
  /** One per holding organisation. */
  holder: (input: { bracketId: string; organisationId: string }) => `B#${keyPart(input.bracketId)}#O#${keyPart(input.organisationId)}`,
  holderPrefix: (bracketId: string) => `B#${keyPart(bracketId)}#O#`,
  alternative: (input: { bracketId: string; alternativeId: string }) => `B#${keyPart(input.bracketId)}#V#${keyPart(input.alternativeId)}`,
} as const;

const versionSeqWidth = 8;

/**
 * A statement's versions share one partition: an item per version (`V#<seq>`), its state in
 * parts under `S#` — a prefix apart, so listing versions never reads the states, and under the
 * writing attempt's id, so two writers racing for one number never mix their parts.
 */
export const versionKeys = {
  pk: (docId: string) => `VER#${keyPart(docId)}`,
  versionPrefix: 'V#',
  version: (seq: number) => `V#${pad({ value: seq, width: versionSeqWidth })}`,
  statePrefix: (input: { seq: number; attempt: string }) => `S#${pad({ value: input.seq, width: versionSeqWidth })}#${keyPart(input.attempt)}#`,
  statePart: (input: { seq: number; attempt: string; index: number }) => `${versionKeys.statePrefix(input)}${pad({ value: input.index, width: 4 })}`,
} as const;

/**
 * A declaration's partition: its record (`PUB`), the snapshot of text and translations (in parts)
 * under the publishing attempt's id (so two racing publishers never mix their parts; the record names the
 * attempt that won), endorsements (`E#<id>`) and one name lock per endorsing organisation
 * (`K#<name key>`). Slugs are their own items: claiming one is a conditional put.
 */
export const publicationKeys = {
  pk: (statementId: string) => `PUB#${keyPart(statementId)}`,
  record: 'PUB',
  /** The snapshot (text as HTML and plain, translations) in parts: it may exceed one item's 400 KB. */
  bodyPrefix: (attempt: string) => `BODY#${keyPart(attempt)}#`,
  bodyPart: (input: { attempt: string; index: number }) => `BODY#${keyPart(input.attempt)}#${pad({ value: input.index, width: 4 })}`,
  endorsementPrefix: 'E#',
  endorsement: (id: string) => `E#${keyPart(id)}`,
  nameLock: (nameKey: string) => `K#${rateKeyPart(nameKey)}`,
  slug: (slug: string) => ({ pk: `SLUG#${rateKeyPart(slug)}`, sk: 'SLUG' }),
  /** gsi1: every declaration ever published, by publication time. */
  all: 'DECLARATIONS',
  entry: (input: { publishedAt: number; statementId: string }) => `${pad({ value: input.publishedAt, width: 15 })}#${keyPart(input.statementId)}`,
} as const;

/** A statement's translations: one item per language. */
export const translationKeys = {
  pk: (statementId: string) => `TRANS#${keyPart(statementId)}`,
  sk: (language: string) => `LANG#${keyPart(language)}`,
  prefix: 'LANG#',
} as const;

/** A person's notifications, newest last by time. */
export const notificationKeys = {
  pk: (userId: string) => `NOTE#${keyPart(userId)}`,
  sk: (input: { at: number; eventId: string }) => `N#${pad({ value: input.at, width: 15 })}#${keyPart(input.eventId)}`,
  prefix: 'N#',
} as const;
