/**
 * Task forces: sub-groups of organisations that draft among themselves. Who is in one decides
 * who sees its drafts, so a change rotates the sessions of the organisations' delegates and
 * closes every open editor of the drafts shared with it (they reconnect with their new access).
 */
import { actEntry, authorize, fail, type Principal, type TaskForce } from '@concord/core';
import { allowed, newId, organisationIn, taskForceIn } from './lookup.ts';
import { nameLimit } from './organisations.ts';
import type { CoalitionPorts } from './ports.ts';
import { activeUserIdsOf, privilegesChanged } from './privilege.ts';

type Ports = Pick<CoalitionPorts, 'directory' | 'accounts' | 'realtime' | 'audit'>;

function checkManage(actor: Principal): void {
  allowed(authorize({ actor, action: 'coalition.manage', coalitionId: actor.coalitionId }));
}

async function draftsSharedWith(input: { ports: Ports; actor: Principal; taskForceId: string }) {
  const statements = await input.ports.directory.statements.listByCoalition(input.actor.coalitionId);
  return statements.filter((s) => s.visibility.scope === 'task-force' && s.visibility.taskForceId === input.taskForceId);
}

/** After a membership change: the organisations' delegates and the drafts' open editors. */
async function accessChanged(input: { ports: Ports; actor: Principal; taskForceId: string; organisationIds: string[] }): Promise<void> {
  const { ports, actor } = input;
  const users = await ports.directory.users.listByCoalition(actor.coalitionId);
  await privilegesChanged({ ports, userIds: activeUserIdsOf(users, input.organisationIds), reason: 'access.task-force-changed' });
  for (const statement of await draftsSharedWith(input)) {
    await ports.realtime.evictDocument({ docId: statement.id, reason: 'access.task-force-changed' });
  }
}

export async function createTaskForce(input: { ports: Ports; actor: Principal; name: string; organisationIds: string[]; now: number }): Promise<TaskForce> {
  const { ports, actor, now } = input;
  checkManage(actor);
  const name = input.name.trim();
  if (!name || name.length > nameLimit) throw fail.input('task-force.name-missing', `Enter the task force’s name (at most ${nameLimit} characters).`);
  const organisations = await Promise.all([...new Set(input.organisationIds)].map((id) => organisationIn({ directory: ports.directory, actor, id })));
  const taskForce: TaskForce = { id: newId('tf', now), coalitionId: actor.coalitionId, name, organisationIds: organisations.map((org) => org.id) };
  await ports.directory.taskForces.put(taskForce);
  await ports.audit.append({ entry: actEntry({ actor, action: 'task-force.created', subject: { kind: 'task-force', id: taskForce.id }, details: { name, organisations: organisations.length }, now }) });
  await accessChanged({ ports, actor, taskForceId: taskForce.id, organisationIds: taskForce.organisationIds });
  return taskForce;
}

/** Adds (`member` true) or removes an organisation. */
export async function setTaskForceMember(input: { ports: Ports; actor: Principal; taskForceId: string; organisationId: string; member: boolean; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  checkManage(actor);
  const taskForce = await taskForceIn({ directory: ports.directory, actor, id: input.taskForceId });
  const organisation = await organisationIn({ directory: ports.directory, actor, id: input.organisationId });
  const present = taskForce.organisationIds.includes(organisation.id);
  if (present === input.member) return;
  const organisationIds = input.member ? [...taskForce.organisationIds, organisation.id] : taskForce.organisationIds.filter((id) => id !== organisation.id);
  await ports.directory.taskForces.put({ ...taskForce, organisationIds });
  await ports.audit.append({
    entry: actEntry({
      actor,
      action: input.member ? 'task-force.organisation-added' : 'task-force.organisation-removed',
      subject: { kind: 'task-force', id: taskForce.id },
      details: { taskForce: taskForce.name, organisationId: organisation.id },
      now,
    }),
  });
  await accessChanged({ ports, actor, taskForceId: taskForce.id, organisationIds: [organisation.id] });
}

/** Deletes a task force no draft is shared with (a draft shared with a missing one would be shared with nobody). */
export async function deleteTaskForce(input: { ports: Ports; actor: Principal; taskForceId: string; now: number }): Promise<void> {
  const { ports, actor, now } = input;
  checkManage(actor);
  const taskForce = await taskForceIn({ directory: ports.directory, actor, id: input.taskForceId });
  const drafts = await draftsSharedWith({ ports, actor, taskForceId: taskForce.id });
  if (drafts.length > 0) {
    throw fail.input('task-force.in-use', `${drafts.length} draft(s) shared with ${taskForce.name}: share them differently first.`, { count: drafts.length, taskForce: taskForce.name });
  }
  await ports.directory.taskForces.delete(taskForce.id);
  await ports.audit.append({ entry: actEntry({ actor, action: 'task-force.deleted', subject: { kind: 'task-force', id: taskForce.id }, details: { name: taskForce.name }, now }) });
  await accessChanged({ ports, actor, taskForceId: taskForce.id, organisationIds: taskForce.organisationIds });
}
