/**
 * Consensus calls ↔ items. The call item keeps current positions small (`latest`: stance,
 * confirmation, who, when, and the history item holding reason and explanation), so even a
 * coalition of a hundred members stays far below DynamoDB's 400 KB item limit.
 */
import { Stance, type ConsensusCall, type Outcome, type OutcomeReason, type Position, type PositionChange, type Procedure } from '@concord/core';
import { actedBy, flag, list, map, mapOr, number, numOr, oneOf, strings, stringSet, strOr, text } from './fields.ts';
import type { Item } from './requests.ts';

export interface LatestEntry {
  stance: Stance;
  confirmed: boolean;
  actedBy: string;
  at: number;
  historyId: string;
}

export function latestEntry(input: { position: Position; historyId: string }): LatestEntry {
  const { position } = input;
  return { stance: position.stance, confirmed: position.confirmed, actedBy: position.actedBy, at: position.at, historyId: input.historyId };
}

/** The stored form of a new call: positions empty, not closed. */
export function callItem(call: ConsensusCall): Item {
  return {
    id: call.id,
    statementId: call.statementId,
    coalitionId: call.coalitionId,
    version: call.version,
    procedure: call.procedure,
    deadline: call.deadline,
    timeZone: call.timeZone,
    resultsVisibility: call.resultsVisibility,
    openedBy: call.openedBy,
    openedAt: call.openedAt,
    status: call.status,
    electorate: [...call.electorate],
    urgent: call.urgent ?? null,
    latest: {},
    extensions: [],
  };
}

export function changeItem(change: PositionChange): Item {
  return {
    id: change.id,
    organisationId: change.organisationId,
    stance: change.stance,
    confirmed: change.confirmed,
    reason: change.reason,
    explanation: change.explanation,
    actedBy: change.actedBy,
    at: change.at,
    voided: change.voided,
  };
}

export function changeFrom(item: Item): PositionChange {
  return {
    id: text(item, 'id'),
    organisationId: text(item, 'organisationId'),
    stance: oneOf(item, 'stance', Stance),
    confirmed: flag(item, 'confirmed'),
    reason: strOr(item, 'reason', null),
    explanation: strOr(item, 'explanation', null),
    actedBy: text(item, 'actedBy'),
    at: number(item, 'at'),
    voided: flag(item, 'voided'),
  };
}

/** The call, its current positions completed from the history items they point to. */
export function callFrom(input: { item: Item; changes: ReadonlyMap<string, PositionChange> }): ConsensusCall {
  const { item } = input;
  const latest = mapOr(item, 'latest') ?? {};
  const positions: Position[] = Object.keys(latest).map((organisationId) => {
    const entry = map(latest, organisationId);
    const change = input.changes.get(text(entry, 'historyId'));
    return {
      organisationId,
      stance: oneOf(entry, 'stance', Stance),
      confirmed: flag(entry, 'confirmed'),
      actedBy: text(entry, 'actedBy'),
      at: number(entry, 'at'),
      reason: change?.reason ?? null,
      explanation: change?.explanation ?? null,
    };
  });
  const version = map(item, 'version');
  const openedBy = map(item, 'openedBy');
  return {
    id: text(item, 'id'),
    statementId: text(item, 'statementId'),
    coalitionId: text(item, 'coalitionId'),
    version: { seq: number(version, 'seq'), hash: text(version, 'hash'), name: text(version, 'name') },
    procedure: procedureFrom(map(item, 'procedure')),
    deadline: number(item, 'deadline'),
    timeZone: text(item, 'timeZone'),
    resultsVisibility: oneOf(item, 'resultsVisibility', ['live', 'after-close'], 'after-close'),
    openedBy: { ...actedBy(openedBy), onBehalfOfChair: flag(openedBy, 'onBehalfOfChair') },
    openedAt: number(item, 'openedAt'),
    status: oneOf(item, 'status', ['open', 'closed', 'withdrawn']),
    electorate: item.electorate === undefined ? [] : strings(item, 'electorate'),
    positions: positions.sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
    extensions: item.extensions === undefined ? [] : list(item, 'extensions', (extensions, index) => extensionFrom(map(extensions, index))),
    closedAt: numOr(item, 'closedAt', null),
    closedBy: strOr(item, 'closedBy', null),
    withdrawnAt: numOr(item, 'withdrawnAt', null),
    withdrawnBy: strOr(item, 'withdrawnBy', null),
    outcome: outcomeFrom(mapOr(item, 'outcome')),
    reminders: stringSet(item, 'reminders'),
    urgent: urgentFrom(item),
  };
}

export function procedureFrom(item: Item): Procedure {
  return oneOf(item, 'kind', ['silence', 'explicit']) === 'silence' ? { kind: 'silence' } : { kind: 'explicit', quorum: number(item, 'quorum') };
}

function extensionFrom(item: Item): ConsensusCall['extensions'][number] {
  const extension = { from: number(item, 'from'), to: number(item, 'to'), by: text(item, 'by'), at: number(item, 'at') };
  // Extensions stored before reasons were have none.
  return item.reason === undefined ? extension : { ...extension, reason: strOr(item, 'reason', null) };
}

const outcomeReasons: readonly OutcomeReason[] = ['objection', 'ad-referendum-unconfirmed', 'quorum-missed'];

function outcomeFrom(item: Item | null): Outcome | null {
  if (item === null) return null;
  const tally = map(item, 'tally');
  const count = (name: keyof Outcome['tally']) => number(tally, name);
  return {
    result: oneOf(item, 'result', ['adopted', 'not-adopted']),
    reasons: list(item, 'reasons', (reasons, index) => oneOf(reasons, index, outcomeReasons)),
    tally: {
      support: count('support'),
      supportAdReferendumConfirmed: count('supportAdReferendumConfirmed'),
      supportAdReferendumUnconfirmed: count('supportAdReferendumUnconfirmed'),
      abstain: count('abstain'),
      object: count('object'),
      silent: count('silent'),
    },
    replied: number(item, 'replied'),
    required: number(item, 'required'),
  };
}

/** Calls stored before notices (or opened with enough notice) have none. */
export function urgentFrom(item: Item): ConsensusCall['urgent'] {
  const urgent = mapOr(item, 'urgent');
  return urgent && { reason: text(urgent, 'reason'), requiredHours: number(urgent, 'requiredHours') };
}
