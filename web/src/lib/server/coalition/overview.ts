/** What the coalition pages show (`@concord/coalition` overview.ts), refused as the pages answer it. */
import * as coalition from '@concord/coalition';
import type { Principal } from '@concord/core';
import { loading } from '../guard.ts';
import { answerRefusal, glued } from './refusals.ts';

/** Where the actor lands on `/coalition`: the page, or their own organisation's (leads); 403 otherwise. */
export function coalitionLanding(actor: Principal): ReturnType<typeof coalition.coalitionLanding> {
  try {
    return coalition.coalitionLanding(actor);
  } catch (caught) {
    answerRefusal(caught);
  }
}

export const coalitionPage = glued(coalition.coalitionPage);

const organisationPageOf = glued(coalition.organisationPage);

/** An unknown, foreign or malformed id in the address is our 404, like a hidden draft. */
export const organisationPage = (input: Parameters<typeof organisationPageOf>[0]) => loading(() => organisationPageOf(input));
