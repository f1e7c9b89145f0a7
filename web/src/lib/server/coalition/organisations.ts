/** The coalition's organisations (`@concord/coalition`), for the `/coalition` page's actions. */
import * as coalition from '@concord/coalition';
import type { Organisation, Principal } from '@concord/core';
import type { WebContext } from '../context.ts';
import { managing } from './refusals.ts';

type Context = Pick<WebContext, 'directory' | 'accounts' | 'realtime' | 'audit'>;

export function addOrganisation(input: { context: Context; actor: Principal; name: string; tier: string; stakeholderGroup: string; now: number }): Promise<Organisation> {
  const { context, ...rest } = input;
  return managing(() => coalition.addOrganisation({ ports: context, ...rest }));
}

export function changeOrganisation(input: { context: Context; actor: Principal; organisationId: string; tier: string; stakeholderGroup: string; now: number }): Promise<void> {
  const { context, ...rest } = input;
  return managing(() => coalition.changeOrganisation({ ports: context, ...rest }));
}

export function handChair(input: { context: Context; actor: Principal; organisationId: string; now: number }): Promise<void> {
  const { context, ...rest } = input;
  return managing(() => coalition.handChair({ ports: context, ...rest }));
}
