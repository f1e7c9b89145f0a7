/**
 * What the negotiation service needs (PROTOCOL.md §7), as ports: the statement the person may see
 * and the coalition's organisations and people, the negotiation store, the stored text, the live
 * editors (server-made changes and notices), the audit log, and notifications and mail for
 * mentions. The web's composition root wires them from `@concord/data`, the sync handlers and
 * its own access check and wording; `memory.ts` has a store for unit tests; the integration tests
 * wire the DynamoDB ones on dynalite.
 */
import type {
  Account,
  Act,
  Amendment,
  AmendmentPositionChange,
  AmendmentStatus,
  Anchor,
  AuditEntry,
  Bracket,
  BracketAgreement,
  BracketAlternative,
  BracketHolder,
  BracketLift,
  CommentMessage,
  CommentThread,
  IdPrefix,
  Organisation,
  Principal,
  Statement,
  TaskForce,
  TextChangeLock,
  ThreadStatus,
  User,
} from '@concord/core';
import type { NotificationStore } from '@concord/calls/ports';
import type { DocumentState } from '@concord/sync/ports';

/** What one statement's partition holds, parents with their children; oldest first. */
export interface AssembledNotes {
  threads: CommentThread[];
  amendments: (Amendment & { lock: TextChangeLock | null })[];
  brackets: (Bracket & { rev: number; lock: TextChangeLock | null })[];
}

/** The item a change of the text is about. */
export type ChangeTarget = { kind: 'amendment'; id: string } | { kind: 'bracket'; id: string };

/** What a completed change records. */
export type ChangeOutcome =
  | { kind: 'accepted'; amendmentId: string; by: Act; applied: Anchor }
  | { kind: 'reverted'; amendmentId: string; by: Act }
  | { kind: 'settled'; bracketId: string; by: Act; alternativeId: string; applied: Anchor; lift: 'consent' | 'ruling'; ruling: string | null };

/**
 * Brackets as stored. A bracket is lifted when every holder agrees on the same wording, by the
 * chair's ruling, or when nobody holds it any more (`released`); a join and the last leave never
 * both succeed (`rev`).
 */
export interface BracketNotes {
  /** A bracket with its holders, alternatives, `rev` and lock, or null. */
  getBracket(input: { docId: string; bracketId: string }): Promise<AssembledNotes['brackets'][number] | null>;
  /** Stores a new bracket with its holders and alternatives; one with its id must not exist. */
  openBracket(input: { bracket: Bracket }): Promise<void>;
  /** `already`: the organisation holds it; `closed`: it was lifted (nothing stays stored). */
  joinBracket(input: { docId: string; bracketId: string; holder: BracketHolder }): Promise<'ok' | 'already' | 'closed'>;
  /** `released`: it was the last holder, and the bracket is lifted (`agreed`, closed by `by`). */
  leaveBracket(input: { docId: string; bracketId: string; by: Act }): Promise<'left' | 'released' | 'not-held'>;
  /** False when the bracket is not open any more, or has all the alternatives it may have. */
  addAlternative(input: { docId: string; bracketId: string; alternative: BracketAlternative }): Promise<boolean>;
  /**
   * Records what the holder `organisationId` agrees to (replacing its earlier agreement), then
   * bumps `rev` so that a lift by consent read before it fails. `closed`: the bracket was lifted
   * meanwhile (the earlier agreement is put back, so the record stays true).
   */
  recordAgreement(input: { docId: string; bracketId: string; organisationId: string; agreement: BracketAgreement; previous: BracketAgreement | null }): Promise<'ok' | 'not-held' | 'closed'>;
  /**
   * Lifts the bracket as the text stands (`agreed`), recording how. With `rev` (a lift by
   * consent), only if no join or agreement landed since the holders were read. False when it was
   * not open, a change holds it, or `rev` moved.
   */
  liftBracket(input: { docId: string; bracketId: string; by: Act; lift: Exclude<BracketLift, 'released'>; ruling: string | null; rev: number | null }): Promise<boolean>;
}

/**
 * Decisions that change the text happen once: the decider takes a lock on the item, records the
 * Yjs client id of the change it is about to store, stores it, then completes the decision and
 * drops the lock, each step conditioned on its token (`text-change.ts`).
 */
export interface ChangeLocks {
  /**
   * Takes the lock of `target` for a change of the text: false when it is not in `status` any more,
   * or another change holds the lock (expired or not: an expired one is recovered first). With
   * `rev` (a bracket lifted by consent), also false when a join or an agreement landed since.
   */
  lockChange(input: { docId: string; target: ChangeTarget; status: string; token: string; until: number; rev?: number }): Promise<boolean>;
  /** Records the change about to be stored; false when the lock is not `token`'s any more. */
  notePending(input: { docId: string; target: ChangeTarget; token: string; pending: NonNullable<TextChangeLock['pending']> }): Promise<boolean>;
  /** Records the decision and drops the lock; false when the lock is not `token`'s any more. */
  completeChange(input: { docId: string; token: string; outcome: ChangeOutcome }): Promise<boolean>;
  /** Drops the lock without a decision (the text could not change); false when it was not `token`'s. */
  releaseChange(input: { docId: string; target: ChangeTarget; token: string }): Promise<boolean>;
}

/**
 * Comments, amendments and brackets of a statement as stored (DynamoDB: `@concord/data`
 * negotiation.ts; in memory: memory.ts). Every change of state is conditioned on the state it
 * was read in: of two people deciding the same thing, exactly one succeeds.
 */
export interface NegotiationStore extends BracketNotes, ChangeLocks {
  /** Everything of one statement, with one consistent query; amendments and brackets with their lock, if any. */
  list(input: { docId: string }): Promise<AssembledNotes>;
  getThread(input: { docId: string; threadId: string }): Promise<CommentThread | null>;
  getAmendment(input: { docId: string; amendmentId: string }): Promise<AssembledNotes['amendments'][number] | null>;
  /** Every position taken on an amendment, oldest first (`none`: a position dropped). */
  positionHistory(input: { docId: string; amendmentId: string }): Promise<AmendmentPositionChange[]>;
  /** Stores a new thread with its first message (`thread.messages[0]`). */
  startThread(input: { thread: CommentThread }): Promise<void>;
  /** Adds a reply; false (nothing stored) when the thread is not open any more, or full. */
  addMessage(input: { docId: string; message: CommentMessage }): Promise<boolean>;
  /** Resolves or reopens; false when the thread was not in `from` any more. */
  setThreadStatus(input: { docId: string; threadId: string; from: ThreadStatus; to: ThreadStatus; by: Act }): Promise<boolean>;
  /** Stores a new amendment; one with its id must not exist. */
  propose(input: { amendment: Amendment }): Promise<void>;
  /**
   * Records an organisation's position (`none` drops it): the current one is overwritten, the change
   * kept. False (nothing stored) when the amendment is not proposed any more.
   */
  setPosition(input: { docId: string; change: Omit<AmendmentPositionChange, 'id'> }): Promise<boolean>;
  /** Rejects or withdraws: false when it was not in `from` any more, or a decision is changing the text. */
  decideAmendment(input: { docId: string; amendmentId: string; from: AmendmentStatus; to: 'rejected' | 'withdrawn'; by: Act }): Promise<boolean>;
}

/** The coalition's organisations and people (the web's Directory, matched structurally). */
export interface NegotiationDirectory {
  organisations: { listByCoalition(coalitionId: string): Promise<Organisation[]> };
  users: { listByCoalition(coalitionId: string): Promise<User[]> };
}

/** The statements a person may see. */
export interface NegotiationStatements {
  /**
   * The statement and its task force, or null when it does not exist *or* `principal` may not
   * see it (answered alike, so a draft's existence does not leak). The web's
   * `findAccessibleStatement`.
   */
  accessible(input: { principal: Principal; id: string }): Promise<{ statement: Statement; taskForce: TaskForce | null } | null>;
}

export interface NegotiationTexts {
  /** The stored text (snapshot and the updates since), read consistently. */
  load(input: { docId: string }): Promise<DocumentState>;
  /** Who froze the text (a consensus call), or null when it may change. */
  frozenBy(input: { docId: string }): Promise<string | null>;
}

export interface NegotiationLive {
  /** Stores a change of the text made on the server and sends it to every open editor. */
  broadcastUpdate(input: { docId: string; update: Uint8Array; author: string }): Promise<void>;
  /** Tells every open editor that something beside the text changed (they refetch it). */
  notify(input: { docId: string; notice: string }): Promise<void>;
}

/** The coalition's audit log (`@concord/data` AuditLog's `append`). */
export interface NegotiationAudit {
  append(input: { entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> }): Promise<unknown>;
}

/** What a mail to one mentioned delegate tells. */
export interface MentionFacts {
  /** The delegate's name and their organisation's. */
  name: string;
  organisation: string;
  /** The organisation that mentioned theirs, and the person who wrote. */
  author: string;
  person: string;
  /** The statement's title and id, and the comment. */
  title: string;
  statementId: string;
  body: string;
}

/** What telling the mentioned needs: notifications, the people's addresses and languages, mail, and its wording. */
export interface MentionPorts {
  notifications: Pick<NotificationStore, 'add'>;
  accounts: { get(userId: string): Promise<Pick<Account, 'email' | 'locale'> | null> };
  mailer: { send(mail: { to: string; subject: string; text: string }): Promise<void> };
  /**
   * Words the mail in the reader's language (`locale`: their account's choice, null when none) —
   * the web's messages. `linkOrigin`: where the mail's link points; null: no link.
   */
  wordMail(input: { facts: MentionFacts; locale: string | null; linkOrigin: string | null }): { subject: string; text: string };
  log?: (entry: { code: string; error: unknown }) => void;
}

export interface NegotiationPorts {
  statements: NegotiationStatements;
  directory: NegotiationDirectory;
  notes: NegotiationStore;
  texts: NegotiationTexts;
  live: NegotiationLive;
  audit: NegotiationAudit;
  /** Telling mentioned organisations (notifications and mail). */
  mentions: MentionPorts;
  now: () => number;
  newId: (prefix: IdPrefix, now: number) => string;
  /** How long a decision that changes the text may hold its lock before others recover it. */
  lockMs?: number;
}
