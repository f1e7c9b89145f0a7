/**
 * Task forces: sub-groups of organisations that draft among themselves. Who is in one decides
 * who sees its drafts, so a change rotates the sessions of the organisations' delegates and
 * closes every open editor of the drafts shared with it (they reconnect with their new access).
 */
import { authorize, type Principal, type TaskForce } from '@concord/core';
import { recordAct } from '../audit.ts';
import type { WebContext } from '../context.ts';
import { m } from '../../paraglide/messages.js';
import { invalid } from '../forms.ts';
import { enforce } from '../guard.ts';
import { newId, organisationIn, taskForceIn } from './lookup.ts';
import { activeUserIdsOf, privilegesChanged } from './privilege.ts';

type Context = Pick<WebContext, 'directory' | 'accounts' | 'realtime' | 'audit'>;

function checkManage(actor: Principal): void {
  enforce(authorize({ actor, action: 'coalition.manage', coalitionId: actor.coalitionId }));
}

async function draftsSharedWith(input: { context: Context; actor: Principal; taskForceId: string }) {
  const statements = await input.context.directory.statements.listByCoalition(input.actor.coalitionId);
  return statements.filter((s) => s.visibility.scope === 'task-force' && s.visibility.taskForceId === input.taskForceId);
}

/** After a membership change: the organisations' delegates and the drafts' open editors. */
async function accessChanged(input: { context: Context; actor: Principal; taskForceId: string; organisationIds: string[] }): Promise<void> {
  const { context, actor } = input;
  const users = await context.directory.users.listByCoalition(actor.coalitionId);
  await privilegesChanged({ context, userIds: activeUserIdsOf(users, input.organisationIds), reason: 'access.task-force-changed' });
  for (const statement of await draftsSharedWith(input)) {
    await context.realtime.evictDocument({ docId: statement.id, reason: 'access.task-force-changed' });
  }
}

export async function createTaskForce(input: { context: Context; actor: Principal; name: string; organisationIds: string[]; now: number }): Promise<TaskForce> {
  const { context, actor, now } = input;
  checkManage(actor);
  const name = input.name.trim();
  if (!name || name.length > 120) throw invalid({ field: 'name', message: m.task_forces_name_missing({ max: 120 }) });
  const organisations = await Promise.all([...new Set(input.organisationIds)].map((id) => organisationIn({ directory: context.directory, actor, id })));
  const taskForce: TaskForce = { id: newId('tf', now), coalitionId: actor.coalitionId, name, organisationIds: organisations.map((org) => org.id) };
  await context.directory.taskForces.put(taskForce);
  await recordAct({ audit: context.audit, actor, action: 'task-force.created', subject: { kind: 'task-force', id: taskForce.id }, details: { name, organisations: organisations.length }, now });
  await accessChanged({ context, actor, taskForceId: taskForce.id, organisationIds: taskForce.organisationIds });
  return taskForce;
}

/** Adds (`member` true) or removes an organisation. */
export async function setTaskForceMember(input: { context: Context; actor: Principal; taskForceId: string; organisationId: string; member: boolean; now: number }): Promise<void> {
  const { context, actor, now } = input;
  checkManage(actor);
  const taskForce = await taskForceIn({ directory: context.directory, actor, id: input.taskForceId });
  const organisation = await organisationIn({ directory: context.directory, actor, id: input.organisationId });
  const present = taskForce.organisationIds.includes(organisation.id);
  if (present === input.member) return;
  const organisationIds = input.member ? [...taskForce.organisationIds, organisation.id] : taskForce.organisationIds.filter((id) => id !== organisation.id);
  await context.directory.taskForces.put({ ...taskForce, organisationIds });
  await recordAct({
    audit: context.audit,
    actor,
    action: input.member ? 'task-force.organisation-added' : 'task-force.organisation-removed',
    subject: { kind: 'task-force', id: taskForce.id },
    details: { taskForce: taskForce.name, organisationId: organisation.id },
    now,
  });
  await accessChanged({ context, actor, taskForceId: taskForce.id, organisationIds: [organisation.id] });
}

/** Deletes a task force no draft is shared with (a draft shared with a missing one would be shared with nobody). */
export async function deleteTaskForce(input: { context: Context; actor: Principal; taskForceId: string; now: number }): Promise<void> {
  const { context, actor, now } = input;
  checkManage(actor);
  const taskForce = await taskForceIn({ directory: context.directory, actor, id: input.taskForceId });
  const drafts = await draftsSharedWith({ context, actor, taskForceId: taskForce.id });
  if (drafts.length > 0) {
    throw invalid({ message: m.task_forces_in_use({ count: drafts.length, taskForce: taskForce.name }) });
  }
  await context.directory.taskForces.delete(taskForce.id);
  await recordAct({ audit: context.audit, actor, action: 'task-force.deleted', subject: { kind: 'task-force', id: taskForce.id }, details: { name: taskForce.name }, now });
  await accessChanged({ context, actor, taskForceId: taskForce.id, organisationIds: taskForce.organisationIds });
}
