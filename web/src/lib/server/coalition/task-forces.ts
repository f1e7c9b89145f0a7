/** Task forces (`@concord/coalition`), for the `/coalition` page's actions. */
import * as coalition from '@concord/coalition';
import type { Principal, TaskForce } from '@concord/core';
import type { WebContext } from '../context.ts';
import { managing } from './refusals.ts';

type Context = Pick<WebContext, 'directory' | 'accounts' | 'realtime' | 'audit'>;

export function createTaskForce(input: { context: Context; actor: Principal; name: string; organisationIds: string[]; now: number }): Promise<TaskForce> {
  const { context, ...rest } = input;
  return managing(() => coalition.createTaskForce({ ports: context, ...rest }));
}

/** Adds (`member` true) or removes an organisation. */
export function setTaskForceMember(input: { context: Context; actor: Principal; taskForceId: string; organisationId: string; member: boolean; now: number }): Promise<void> {
  const { context, ...rest } = input;
  return managing(() => coalition.setTaskForceMember({ ports: context, ...rest }));
}

export function deleteTaskForce(input: { context: Context; actor: Principal; taskForceId: string; now: number }): Promise<void> {
  const { context, ...rest } = input;
  return managing(() => coalition.deleteTaskForce({ ports: context, ...rest }));
}
