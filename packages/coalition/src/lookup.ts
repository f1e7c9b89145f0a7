/**
 * Finding what a management act is about, within the actor's coalition (else: not found), and
 * whether the policy lets the actor do it (else: the policy's refusal, as a DomainError).
 */
import { fail, makeId, type Decision, type IdPrefix, type Organisation, type Principal, type TaskForce, type User } from '@concord/core';
import type { CoalitionDirectory } from './ports.ts';

/** Throws the policy's refusal (its code and reason, which adapters word) unless allowed. */
export function allowed(decision: Decision): void {
  if (decision.allow) return;
  if (decision.code === 'auth.signed-out') throw fail.auth(decision.code, decision.reason);
  throw fail.forbidden(decision.code, decision.reason);
}

/** Ids as the hub makes them (`makeId`); anything else is not looked up (a store key has limits). */
const wellFormedId = /^[A-Za-z0-9_-]{1,80}$/;

async function lookUp<T>(id: string, get: (id: string) => Promise<T | null>): Promise<T | null> {
  return wellFormedId.test(id) ? get(id) : null;
}

type Lookup = { directory: Pick<CoalitionDirectory, 'organisations' | 'users' | 'taskForces'>; actor: Principal; id: string };

export async function organisationIn(input: Lookup): Promise<Organisation> {
  const organisation = await lookUp(input.id, (id) => input.directory.organisations.get(id));
  if (!organisation || organisation.coalitionId !== input.actor.coalitionId) throw fail.notFound('organisation.not-found');
  return organisation;
}

/** An active person of the actor's coalition. */
export async function personIn(input: Lookup): Promise<User> {
  const user = await lookUp(input.id, (id) => input.directory.users.get(id));
  if (!user || user.coalitionId !== input.actor.coalitionId || user.status !== 'active') throw fail.notFound('user.not-found');
  return user;
}

export async function taskForceIn(input: Lookup): Promise<TaskForce> {
  const taskForce = await lookUp(input.id, (id) => input.directory.taskForces.get(id));
  if (!taskForce || taskForce.coalitionId !== input.actor.coalitionId) throw fail.notFound('task-force.not-found');
  return taskForce;
}

/** A fresh prefixed, sortable id. */
export function newId(prefix: IdPrefix, now: number): string {
  return makeId({ prefix, now, random: crypto.getRandomValues(new Uint8Array(10)) });
}
