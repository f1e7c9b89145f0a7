/** The coalition's notice for consensus calls (`@concord/coalition`), for the `/coalition` page. */
import * as coalition from '@concord/coalition';
import type { Principal } from '@concord/core';
import type { WebContext } from '../context.ts';
import { managing } from './refusals.ts';

type Context = Pick<WebContext, 'directory' | 'audit'>;

/** Sets the notice; returns false when nothing changed. */
export function setNotice(input: { context: Context; actor: Principal; silenceHours: string; explicitHours: string; now: number }): Promise<boolean> {
  const { context, ...rest } = input;
  return managing(() => coalition.setNotice({ ports: context, ...rest }));
}
