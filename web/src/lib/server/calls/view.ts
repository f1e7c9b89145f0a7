/**
 * What the call page and the dashboard show, decided on the server: who may see which positions
 * (the chair and secretariat always; members per the call's setting — live, or after the close;
 * each organisation its own), and which controls the actor gets (the actions re-check anyway).
 */
import { authorize, canCloseEarly, hasRole, statementAccess, type ConsensusCall, type Principal } from '@concord/core';
import type { CallPorts } from '@concord/data/call-ports';
import { authorizedStatement } from '@concord/data/call-service';

const manages = (actor: Principal) => actor.isChair || hasRole(actor, 'secretariat');

export function positionsVisible(input: { call: ConsensusCall; actor: Principal }): boolean {
  const { call, actor } = input;
  return manages(actor) || call.status !== 'open' || call.resultsVisibility === 'live';
}

export async function callPage(input: { ports: CallPorts; actor: Principal; statementId: string; now: number }) {
  const { ports, actor, now } = input;
  const resource = await authorizedStatement({ ports, actor, statementId: input.statementId, action: 'statement.read' });
  const { statement } = resource;
  const [calls, organisations, users] = await Promise.all([
    ports.calls.listByStatement(statement.id),
    ports.directory.organisations(statement.coalitionId),
    ports.directory.users(statement.coalitionId),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const can = (action: 'call.open' | 'call.manage' | 'call.take-position') => authorize({ actor, action, ...resource }).allow;
  const call = calls[0] ?? null;
  const open = call?.status === 'open' && call.deadline > now;
  const view = call && {
    ...call,
    electorate: call.electorate.map((id) => ({ id, name: orgName.get(id) ?? id })),
    positions: (positionsVisible({ call, actor }) ? call.positions : call.positions.filter((p) => p.organisationId === actor.organisationId)).map((p) => ({
      ...p,
      organisationName: orgName.get(p.organisationId) ?? p.organisationId,
      actedByName: userName.get(p.actedBy) ?? p.actedBy,
    })),
    positionsHidden: !positionsVisible({ call, actor }),
    openedByName: userName.get(call.openedBy.userId) ?? call.openedBy.userId,
    ownPosition: call.positions.find((p) => p.organisationId === actor.organisationId) ?? null,
    // The tally is part of the results: shown when positions are.
    outcome: positionsVisible({ call, actor }) ? call.outcome : null,
  };
  return {
    statement: { id: statement.id, title: statement.title, language: statement.language },
    call: view,
    past: calls.slice(1).map((c) => ({ id: c.id, status: c.status, result: c.outcome?.result ?? null, versionName: c.version.name, openedAt: c.openedAt })),
    can: {
      open: can('call.open') && !calls.some((c) => c.status === 'open' || c.outcome?.result === 'adopted'),
      manage: !!open && can('call.manage'),
      takePosition: !!open && can('call.take-position') && !!call?.electorate.includes(actor.organisationId),
      closeEarly: !!open && can('call.manage') && !!call && canCloseEarly({ call, positions: call.positions, now }),
    },
  };
}

/** Open calls on the statements the actor can see, soonest deadline first (the dashboard). */
export async function openCallsFor(input: { ports: CallPorts; actor: Principal; statements: readonly { id: string; title: string }[] }) {
  const { ports, actor } = input;
  const found = await Promise.all(
    input.statements.map(async (s) => {
      const resource = await ports.directory.statement(s.id);
      if (!resource || statementAccess({ actor, ...resource }) === 'none') return [];
      const calls = await ports.calls.listByStatement(s.id);
      return calls
        .filter((c) => c.status === 'open')
        .map((c) => ({
          statementId: s.id,
          title: s.title,
          callId: c.id,
          deadline: c.deadline,
          timeZone: c.timeZone,
          replied: c.positions.some((p) => p.organisationId === actor.organisationId),
          votes: c.electorate.includes(actor.organisationId),
        }));
    }),
  );
  return found.flat().sort((a, b) => a.deadline - b.deadline);
}
