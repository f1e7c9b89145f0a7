/**
 * What the call page and the dashboard show, decided on the server: who may see which positions
 * (the chair and secretariat always; members per the call's setting — live, or after the close;
 * each organisation its own), and which controls the actor gets (the actions re-check anyway).
 */
import { authorize, canCloseEarly, hasRole, noticeOf, statementAccess, suggestedDeadline, wallTimeAt, type ConsensusCall, type Principal } from '@concord/core';
import type { CallPorts } from '@concord/calls/ports';
import { authorizedStatement } from '@concord/calls';

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
  const can = (action: 'call.open' | 'call.open-urgent' | 'call.manage' | 'call.take-position') => authorize({ actor, action, ...resource }).allow;
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
  const canOpen = can('call.open') && !calls.some((c) => c.status === 'open' || c.outcome?.result === 'adopted');
  return {
    statement: { id: statement.id, title: statement.title, language: statement.language },
    call: view,
    openForm: canOpen ? await openForm({ ports, actor, statementId: statement.id, coalitionId: statement.coalitionId, calls, now }) : null,
    past: calls.slice(1).map((c) => ({ id: c.id, status: c.status, result: c.outcome?.result ?? null, versionName: c.version.name, openedAt: c.openedAt })),
    can: {
      open: canOpen,
      openUrgent: canOpen && can('call.open-urgent'),
      manage: !!open && can('call.manage'),
      takePosition: !!open && can('call.take-position') && !!call?.electorate.includes(actor.organisationId),
      closeEarly: !!open && can('call.manage') && !!call && canCloseEarly({ call, positions: call.positions, now }),
    },
  };
}

/**
 * What the opening form says before anything is frozen: the coalition's notice, the version it
 * would freeze (name and hash) or why none can be, and a deadline at the notice in the chair's zone
 * — the zone of the chair's last call here, else UTC, until the browser tells its own.
 */
async function openForm(input: { ports: CallPorts; actor: Principal; statementId: string; coalitionId: string; calls: readonly ConsensusCall[]; now: number }) {
  const { ports, now } = input;
  const [coalition, version, clean, hash] = await Promise.all([
    ports.directory.coalition(input.coalitionId),
    ports.text.latestNamedVersion({ docId: input.statementId }),
    ports.text.isClean({ docId: input.statementId }),
    ports.text.currentHash({ docId: input.statementId }),
  ]);
  const notice = noticeOf({ notice: coalition?.notice });
  const timeZone = input.calls.find((c) => c.openedBy.userId === input.actor.userId)?.timeZone ?? 'UTC';
  const suggest = (procedure: 'silence' | 'explicit') => suggestedDeadline({ settings: notice, procedure: procedure === 'silence' ? { kind: 'silence' } : { kind: 'explicit', quorum: 1 }, now });
  return {
    notice,
    timeZone,
    // Instants: the page shows them in the fallback zone, then in the browser's own.
    suggested: { silence: suggest('silence'), explicit: suggest('explicit') },
    suggestedWall: wallTimeAt({ instant: suggest('silence'), timeZone }),
    version: version ? { name: version.name, hash: version.hash } : null,
    problem: !version ? 'no-named-version' : !clean ? 'not-clean' : hash !== version.hash ? 'text-changed' : null,
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
