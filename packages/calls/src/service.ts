/**
 * The acts of a consensus call (issue 5), each authorized by the core policy, checked by the core
 * rules, stored with conditional writes, audited and told. The web calls these for people; the
 * scheduler (`scheduler.ts`) closes due calls with the same closing code.
 */
import {
  authorize,
  callLimits,
  canCloseEarly,
  checkCallSettings,
  checkExtension,
  checkNotice,
  checkPosition,
  checkWithdrawal,
  fail,
  isKnownTimeZone,
  noticeOf,
  openedCall,
  type ConsensusCall,
  type Principal,
  type Procedure,
  type Stance,
  type Statement,
  type StatementAction,
  type TaskForce,
} from '@concord/core';
import { afterClose } from './closing.ts';
import { recordCallAct } from './record.ts';
import { quietly, tell } from './notices.ts';
import type { CallPorts } from './ports.ts';

export const callStances: readonly Stance[] = ['support', 'support-ad-referendum', 'abstain', 'object'];

/** The statement and the actor's right to `action` on it; unknown and hidden read the same (404). */
export async function authorizedStatement(input: { ports: Pick<CallPorts, 'directory'>; actor: Principal; statementId: string; action: StatementAction }) {
  const resource = await input.ports.directory.statement(input.statementId);
  if (!resource) throw fail.notFound('statement.not-found', 'No such statement.');
  const decision = authorize({ actor: input.actor, action: input.action, ...resource });
  if (!decision.allow) {
    if (decision.code === 'forbidden.not-shared') throw fail.notFound('statement.not-found', 'No such statement.');
    throw fail.forbidden(decision.code, decision.reason);
  }
  return resource;
}

async function authorizedCall(input: { ports: CallPorts; actor: Principal; callId: string; action: StatementAction }) {
  const call = await input.ports.calls.get(input.callId);
  if (!call) throw fail.notFound('call.not-found', 'No such consensus call.');
  const resource = await authorizedStatement({ ...input, statementId: call.statementId });
  return { call, ...resource };
}

/** Member organisations that can see the statement: the call's electorate when it opens. */
async function electorateOf(input: { ports: CallPorts; statement: Statement; taskForce: TaskForce | null }): Promise<string[]> {
  const organisations = await input.ports.directory.organisations(input.statement.coalitionId);
  const { statement, taskForce } = input;
  return organisations
    .filter((o) => o.tier === 'member')
    .filter((o) => statement.visibility.scope !== 'task-force' || (taskForce?.organisationIds.includes(o.id) ?? false))
    .map((o) => o.id);
}

const actedBy = (actor: Principal) => ({ userId: actor.userId, organisationId: actor.organisationId });

export interface OpenCallInput {
  ports: CallPorts;
  actor: Principal;
  statementId: string;
  procedure: Procedure;
  deadline: number;
  timeZone: string;
  resultsVisibility: ConsensusCall['resultsVisibility'];
  /** Set to open below the coalition's notice as an urgent procedure (the chair only); null otherwise. */
  urgentReason: string | null;
  now: number;
}

/** The notice the coalition asks for; below it, an urgent procedure the chair alone may open. */
async function checkedNotice(input: OpenCallInput & { resource: { statement: Statement; taskForce: TaskForce | null } }) {
  const { ports, actor, resource } = input;
  const coalition = await ports.directory.coalition(resource.statement.coalitionId);
  const urgent = checkNotice({ ...input, settings: noticeOf({ notice: coalition?.notice }) });
  if (urgent) {
    const decision = authorize({ actor, action: 'call.open-urgent', ...resource });
    if (!decision.allow) throw fail.forbidden(decision.code, decision.reason);
  }
  return urgent;
}

/**
 * Opens a call on the latest named version, which must be the current, clean text; freezes the
 * text (owned by the call's id: the statement's active call), then closes open editors so they
 * reopen read-only.
 */
export async function openCall(input: OpenCallInput): Promise<ConsensusCall> {
  const { ports, actor, now } = input;
  const resource = await authorizedStatement({ ...input, action: 'call.open' });
  const { statement, taskForce } = resource;
  checkCallSettings(input);
  if (!isKnownTimeZone(input.timeZone)) throw fail.input('call.time-zone-unknown', 'Choose a time zone from the list.');
  const urgent = await checkedNotice({ ...input, resource });
  const docId = statement.id;
  const calls = await ports.calls.listByStatement(statement.id);
  if (calls.some((c) => c.status === 'open')) throw fail.conflict('call.already-open', 'A consensus call is already open on this statement.');
  if (calls.some((c) => c.outcome?.result === 'adopted')) throw fail.conflict('call.already-adopted', 'This statement was already adopted.');
  const version = await ports.text.latestNamedVersion({ docId });
  if (!version) throw fail.conflict('call.no-named-version', 'Name a version of the text first: a call freezes a named version.');
  if (!(await ports.text.isClean({ docId }))) throw fail.conflict('call.text-not-clean', 'Settle every open bracket first: only a clean text goes to a call.');
  if ((await ports.text.currentHash({ docId })) !== version.hash) {
    throw fail.conflict('call.text-changed', 'The text changed since the last named version: name the current text first.');
  }
  const electorate = await electorateOf({ ports, statement, taskForce });
  if (electorate.length === 0) throw fail.conflict('call.no-members', 'No member organisation can take a position on this statement.');
  const id = ports.newId();
  if (!(await ports.freezer.freeze({ docId, by: id }))) throw fail.conflict('call.already-open', 'A consensus call is already open on this statement.');
  const call = openedCall({
    id,
    statementId: statement.id,
    coalitionId: statement.coalitionId,
    version: { seq: version.seq, hash: version.hash, name: version.name },
    procedure: input.procedure,
    deadline: input.deadline,
    timeZone: input.timeZone,
    resultsVisibility: input.resultsVisibility,
    electorate,
    openedBy: { ...actedBy(actor), onBehalfOfChair: !actor.isChair },
    openedAt: now,
    urgent,
  });
  try {
    // An edit may have landed between the hash check and the freeze: the frozen text must be the version.
    if ((await ports.text.currentHash({ docId })) !== version.hash) {
      throw fail.conflict('call.text-changed', 'The text changed since the last named version: name the current text first.');
    }
    await ports.calls.create(call);
  } catch (error) {
    await ports.freezer.unfreeze({ docId, by: id });
    throw error;
  }
  await recordCallAct({
    ports,
    call,
    actor: actedBy(actor),
    action: 'call.opened',
    at: now,
    details: {
      versionSeq: version.seq,
      versionName: version.name,
      versionHash: version.hash,
      procedure: input.procedure.kind,
      quorum: input.procedure.kind === 'explicit' ? input.procedure.quorum : null,
      deadline: input.deadline,
      timeZone: input.timeZone,
      onBehalfOfChair: call.openedBy.onBehalfOfChair,
      urgent: urgent !== null,
      urgentReason: urgent?.reason ?? null,
      requiredNoticeHours: urgent?.requiredHours ?? null,
    },
  });
  await quietly(ports, 'call.evict-failed', () => ports.live.evictDocument({ docId, reason: 'frozen for a consensus call' }));
  await tell({ ports, call, kind: 'call-opened', at: now, eventId: `${id}:opened` });
  return call;
}

export interface PositionInput {
  ports: CallPorts;
  actor: Principal;
  callId: string;
  stance: Stance;
  confirmed: boolean;
  reason: string | null;
  explanation: string | null;
  now: number;
}

/** Takes or changes the actor's organisation's position; every change is kept. */
export async function takePosition(input: PositionInput): Promise<void> {
  const { ports, actor, now } = input;
  if (!callStances.includes(input.stance)) throw fail.input('call.stance-unknown', 'Choose a position.');
  const { call } = await authorizedCall({ ...input, action: 'call.take-position' });
  const position = checkPosition({
    call,
    now,
    position: { organisationId: actor.organisationId, stance: input.stance, confirmed: input.confirmed, reason: input.reason, explanation: input.explanation, actedBy: actor.userId, at: now },
  });
  if ((await ports.calls.takePosition({ callId: call.id, position, now })) === 'closed') {
    throw fail.conflict('call.not-open', 'This call closed before your position was recorded.');
  }
  await recordCallAct({
    ports,
    call,
    actor: actedBy(actor),
    action: 'call.position-taken',
    at: now,
    details: { stance: position.stance, confirmed: position.confirmed, explanation: position.explanation !== null },
  });
  await quietly(ports, 'call.live-notice-failed', () => ports.live.notify({ docId: call.statementId, notice: `call:position:${call.id}` }));
}

/** Moves the deadline later, with a reason. */
export async function extendCall(input: { ports: CallPorts; actor: Principal; callId: string; deadline: number; reason: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  const { call } = await authorizedCall({ ...input, action: 'call.manage' });
  const reason = input.reason.trim();
  if (!reason) throw fail.input('call.extension-reason-required', 'Give the reason for the extension.');
  if (reason.length > callLimits.extensionReasonMax) throw fail.tooLong('call.reason-too-long', callLimits.extensionReasonMax);
  checkExtension({ call, deadline: input.deadline, now });
  if (!(await ports.calls.extend({ callId: call.id, from: call.deadline, deadline: input.deadline, by: actor.userId, now, reason }))) {
    throw fail.conflict('call.changed', 'The call changed meanwhile (closed, or extended by someone else): look again.');
  }
  await recordCallAct({ ports, call, actor: actedBy(actor), action: 'call.extended', at: now, details: { from: call.deadline, to: input.deadline, reason } });
  await tell({ ports, call: { ...call, deadline: input.deadline }, kind: 'call-extended', at: now, eventId: `${call.id}:extended:${input.deadline}` });
}

/** Withdraws the call: drafting reopens. */
export async function withdrawCall(input: { ports: CallPorts; actor: Principal; callId: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  const { call } = await authorizedCall({ ...input, action: 'call.manage' });
  checkWithdrawal({ call, now });
  if (!(await ports.calls.withdraw({ callId: call.id, by: actor.userId, now }))) throw fail.conflict('call.not-open', 'This call is no longer open.');
  await recordCallAct({ ports, call, actor: actedBy(actor), action: 'call.withdrawn', at: now });
  await afterWithdrawal({ ports, call: { ...call, status: 'withdrawn', withdrawnAt: now } });
}

/** Drafting reopens and readers are told; then the call leaves the due list (the scheduler retries if cut short). */
export async function afterWithdrawal(input: { ports: CallPorts; call: ConsensusCall }): Promise<void> {
  const { ports, call } = input;
  await ports.freezer.unfreeze({ docId: call.statementId, by: call.id });
  await quietly(ports, 'call.evict-failed', () => ports.live.evictDocument({ docId: call.statementId, reason: 'consensus call withdrawn' }));
  await tell({ ports, call, kind: 'call-withdrawn', at: call.withdrawnAt ?? call.deadline, eventId: `${call.id}:withdrawn` });
  await ports.calls.settle({ callId: call.id });
}

/** Closes before the deadline once every member replied; the outcome is computed, as at the deadline. */
export async function closeEarly(input: { ports: CallPorts; actor: Principal; callId: string; now: number }): Promise<ConsensusCall> {
  const { ports, actor, now } = input;
  const { call } = await authorizedCall({ ...input, action: 'call.manage' });
  if (!canCloseEarly({ call, positions: call.positions, now })) {
    throw fail.conflict('call.cannot-close-early', 'A call closes early only when every member organisation has replied.');
  }
  const closed = await ports.calls.close({ callId: call.id, by: actor.userId, now });
  if (!closed) throw fail.conflict('call.not-open', 'This call is no longer open.');
  await afterClose({ ports, call: closed, actor: actedBy(actor) });
  return closed;
}
