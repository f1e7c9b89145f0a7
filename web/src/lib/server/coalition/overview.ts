/** What the coalition pages show (`@concord/coalition` overview.ts), refused as the pages answer it. */
import * as coalition from '@concord/coalition';
import type { Principal } from '@concord/core';
import type { WebContext } from '../context.ts';
import { loading } from '../guard.ts';
import { answerRefusal, managing } from './refusals.ts';

type Context = Pick<WebContext, 'directory' | 'invitations'>;

/** Where the actor lands on `/coalition`: the page, or their own organisation's (leads); 403 otherwise. */
export function coalitionLanding(actor: Principal): ReturnType<typeof coalition.coalitionLanding> {
  try {
    return coalition.coalitionLanding(actor);
  } catch (caught) {
    answerRefusal(caught);
  }
}

export function coalitionPage(input: { context: Context; actor: Principal; locale?: string }): Promise<coalition.CoalitionPage> {
  const { context, ...rest } = input;
  return managing(() => coalition.coalitionPage({ ports: context, ...rest }));
}

export function organisationPage(input: { context: Context; actor: Principal; organisationId: string; locale?: string }): Promise<coalition.OrganisationPage> {
  const { context, ...rest } = input;
  // An unknown, foreign or malformed id in the address is our 404, like a hidden draft.
  return loading(() => managing(() => coalition.organisationPage({ ports: context, ...rest })));
}
