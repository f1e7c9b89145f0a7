/**
 * Versions of a statement for the web app: reading (history, one version, comparing two) needs
 * `statement.read`; naming needs `statement.name-version`, restoring `statement.restore-version`
 * — the core policy decides on every request. Whoever may not read the statement gets
 * not-found, like everywhere else, so a draft's versions never leak.
 */
import { authorize, fail, type Principal, type Statement, type StatementAction, type TaskForce } from '@concord/core';
import type { Comparison } from '@concord/text';
import type { Version, VersionAuthor } from '@concord/versions';
import { recordAct } from '../audit.ts';
import { readableStatement } from '../statements.ts';
import type { VersionsDeps } from './deps.ts';

export interface Named {
  id: string;
  name: string;
}

/** Who changed a version's text: each organisation with its people. */
export interface AuthorGroup {
  organisation: Named;
  people: Named[];
}

export interface VersionView {
  seq: number;
  kind: Version['kind'];
  name: string | null;
  hash: string;
  createdAt: number;
  createdBy: { person: Named; organisation: Named } | null;
  authors: AuthorGroup[];
  restoredFrom: number | null;
}

interface Found {
  statement: Statement;
  taskForce: TaskForce | null;
}

function allowed(principal: Principal, found: Found, action: StatementAction): boolean {
  return authorize({ actor: principal, action, ...found }).allow;
}

function require(principal: Principal, found: Found, action: StatementAction): void {
  const decision = authorize({ actor: principal, action, ...found });
  if (!decision.allow) throw fail.forbidden(decision.code, decision.reason);
}

/** A version number from a URL or form: a positive integer, else not-found (no such version). */
export function versionNumber(raw: string | null | undefined): number {
  const seq = /^[1-9][0-9]{0,8}$/.test(raw ?? '') ? Number(raw) : NaN;
  if (!Number.isSafeInteger(seq)) throw fail.notFound('versions.not-found', 'There is no such version.');
  return seq;
}

async function namesFor(deps: Pick<VersionsDeps, 'directory'>, versions: readonly Version[]) {
  const people = new Map<string, Named>();
  const organisations = new Map<string, Named>();
  for (const v of versions) {
    for (const a of [...v.authors, ...(v.createdBy ? [v.createdBy] : [])]) {
      people.set(a.userId, { id: a.userId, name: a.userId });
      organisations.set(a.organisationId, { id: a.organisationId, name: a.organisationId });
    }
  }
  await Promise.all([
    ...[...people.keys()].map(async (id) => {
      const user = await deps.directory.users.get(id);
      if (user) people.set(id, { id, name: user.name });
    }),
    ...[...organisations.keys()].map(async (id) => {
      const org = await deps.directory.organisations.get(id);
      if (org) organisations.set(id, { id, name: org.name });
    }),
  ]);
  const person = (a: VersionAuthor) => people.get(a.userId)!;
  const organisation = (a: VersionAuthor) => organisations.get(a.organisationId)!;
  return (v: Version): VersionView => {
    const groups = new Map<string, AuthorGroup>();
    for (const a of v.authors) {
      const group = groups.get(a.organisationId) ?? groups.set(a.organisationId, { organisation: organisation(a), people: [] }).get(a.organisationId)!;
      group.people.push(person(a));
    }
    return {
      seq: v.seq,
      kind: v.kind,
      name: v.name,
      hash: v.hash,
      createdAt: v.createdAt,
      createdBy: v.createdBy ? { person: person(v.createdBy), organisation: organisation(v.createdBy) } : null,
      authors: [...groups.values()],
      restoredFrom: v.restoredFrom,
    };
  };
}

/** The history page: every version newest first, and what the principal may do with them. */
export async function versionHistory(input: { deps: VersionsDeps; principal: Principal; statementId: string }) {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  const versions = await deps.service.list({ docId: found.statement.id });
  const view = await namesFor(deps, versions);
  return {
    statement: { id: found.statement.id, title: found.statement.title, language: found.statement.language },
    versions: versions.map(view),
    canName: allowed(principal, found, 'statement.name-version'),
    canRestore: allowed(principal, found, 'statement.restore-version'),
  };
}

/** Two versions compared, older first whichever order they were asked in; not-found for an unknown one. */
export async function compareTwo(input: { deps: VersionsDeps; principal: Principal; statementId: string; from: number; to: number }) {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  const result = await deps.service.compare({ docId: found.statement.id, from: input.from, to: input.to });
  if (!result) throw fail.notFound('versions.not-found', 'There is no such version.');
  const view = await namesFor(deps, [result.older, result.newer]);
  const comparison: Comparison = result.comparison;
  return { statement: { id: found.statement.id, title: found.statement.title, language: found.statement.language }, older: view(result.older), newer: view(result.newer), comparison };
}

/** Names the current text (audited). */
export async function nameCurrentVersion(input: { deps: VersionsDeps; principal: Principal; statementId: string; name: string }): Promise<Version> {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  require(principal, found, 'statement.name-version');
  const now = deps.now();
  const version = await deps.service.nameVersion({ docId: found.statement.id, name: input.name, actor: principal, now });
  await recordAct({
    audit: deps.audit,
    actor: principal,
    action: 'version.named',
    subject: { kind: 'statement', id: found.statement.id },
    details: { seq: version.seq, name: version.name, hash: version.hash },
    now,
  });
  return version;
}

/**
 * Makes the text that of version `seq` again, as one new change every open editor receives
 * (audited); the result is recorded as a new version restored from `seq`. Refused while a
 * consensus call holds the text frozen.
 */
export async function restoreVersion(input: { deps: VersionsDeps; principal: Principal; statementId: string; seq: number }) {
  const { deps, principal } = input;
  const found = await readableStatement({ directory: deps.directory, principal, id: input.statementId });
  require(principal, found, 'statement.restore-version');
  const docId = found.statement.id;
  if (await deps.texts.frozenBy({ docId })) throw fail.conflict('versions.text-frozen', 'The text is frozen for a consensus call; it cannot change now.');
  const now = deps.now();
  const outcome = await deps.service.restore({ docId, seq: input.seq, actor: principal, now, broadcast: (update) => deps.live.broadcastUpdate(update) });
  await recordAct({
    audit: deps.audit,
    actor: principal,
    action: 'version.restored',
    subject: { kind: 'statement', id: docId },
    details: { restoredFrom: outcome.restored.seq, restoredName: outcome.restored.name, newSeq: outcome.version?.seq ?? null, hash: outcome.restored.hash },
    now,
  });
  return outcome;
}
