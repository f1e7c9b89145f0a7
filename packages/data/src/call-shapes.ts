/**
 * Consensus calls ↔ items. The call item keeps current positions small (`latest`: stance,
 * confirmation, who, when, and the history item holding reason and explanation), so even a
 * coalition of a hundred members stays far below DynamoDB's 400 KB item limit.
 */
import type { ConsensusCall, Outcome, Position, PositionChange, Procedure, Stance } from '@concord/core';
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

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown, name: string): number => {
  if (typeof value !== 'number') throw new TypeError(`stored call has a malformed ${name}`);
  return value;
};

export function changeFrom(item: Item): PositionChange {
  return {
    id: String(item.id),
    organisationId: String(item.organisationId),
    stance: item.stance as Stance,
    confirmed: item.confirmed === true,
    reason: text(item.reason),
    explanation: text(item.explanation),
    actedBy: String(item.actedBy),
    at: number(item.at, 'position time'),
    voided: item.voided === true,
  };
}

/** The call, its current positions completed from the history items they point to. */
export function callFrom(input: { item: Item; changes: ReadonlyMap<string, PositionChange> }): ConsensusCall {
  const { item } = input;
  const latest = (item.latest ?? {}) as Record<string, LatestEntry>;
  const positions: Position[] = Object.entries(latest).map(([organisationId, entry]) => {
    const change = input.changes.get(entry.historyId);
    return { organisationId, stance: entry.stance, confirmed: entry.confirmed, actedBy: entry.actedBy, at: entry.at, reason: change?.reason ?? null, explanation: change?.explanation ?? null };
  });
  return {
    id: String(item.id),
    statementId: String(item.statementId),
    coalitionId: String(item.coalitionId),
    version: item.version as ConsensusCall['version'],
    procedure: item.procedure as Procedure,
    deadline: number(item.deadline, 'deadline'),
    timeZone: String(item.timeZone),
    resultsVisibility: item.resultsVisibility === 'live' ? 'live' : 'after-close',
    openedBy: item.openedBy as ConsensusCall['openedBy'],
    openedAt: number(item.openedAt, 'opening time'),
    status: item.status as ConsensusCall['status'],
    electorate: (item.electorate as string[]) ?? [],
    positions: positions.sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
    extensions: (item.extensions as ConsensusCall['extensions']) ?? [],
    closedAt: typeof item.closedAt === 'number' ? item.closedAt : null,
    closedBy: text(item.closedBy),
    withdrawnAt: typeof item.withdrawnAt === 'number' ? item.withdrawnAt : null,
    withdrawnBy: text(item.withdrawnBy),
    outcome: (item.outcome as Outcome | undefined) ?? null,
    reminders: item.reminders instanceof Set ? [...item.reminders].map(String) : [],
    urgent: urgentFrom(item.urgent),
  };
}

function urgentFrom(value: unknown): ConsensusCall['urgent'] {
  const urgent = value as { reason?: unknown; requiredHours?: unknown } | null | undefined;
  if (!urgent || typeof urgent.reason !== 'string' || typeof urgent.requiredHours !== 'number') return null;
  return { reason: urgent.reason, requiredHours: urgent.requiredHours };
}
