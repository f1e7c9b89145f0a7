/** Finding what a management action is about, within the actor's coalition (else: not found). */
import { fail, makeId, type IdPrefix, type Organisation, type Principal, type TaskForce, type User } from '@concord/core';
import type { Directory } from '../ports.ts';

export async function organisationIn(input: { directory: Directory; actor: Principal; id: string }): Promise<Organisation> {
  const organisation = input.id ? await input.directory.organisations.get(input.id) : null;
  if (!organisation || organisation.coalitionId !== input.actor.coalitionId) throw fail.notFound('organisation.not-found');
  return organisation;
}

/** An active person of the actor's coalition. */
export async function personIn(input: { directory: Directory; actor: Principal; id: string }): Promise<User> {
  const user = input.id ? await input.directory.users.get(input.id) : null;
  if (!user || user.coalitionId !== input.actor.coalitionId || user.status !== 'active') throw fail.notFound('user.not-found');
  return user;
}

export async function taskForceIn(input: { directory: Directory; actor: Principal; id: string }): Promise<TaskForce> {
  const taskForce = input.id ? await input.directory.taskForces.get(input.id) : null;
  if (!taskForce || taskForce.coalitionId !== input.actor.coalitionId) throw fail.notFound('task-force.not-found');
  return taskForce;
}

/** A fresh prefixed, sortable id. */
export function newId(prefix: IdPrefix, now: number): string {
  return makeId({ prefix, now, random: crypto.getRandomValues(new Uint8Array(10)) });
}
