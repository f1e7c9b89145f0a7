/**
 * What the call page shows of a call, and the words for its stances and states: shared by the page
 * and the components it is made of (web/src/lib/components/calls/).
 */
import { m } from '$lib/paraglide/messages.js';
import type { callPage } from '$lib/server/calls/view.ts';

/** The call a page shows: the latest on the statement, with names resolved. */
export type CallView = NonNullable<Awaited<ReturnType<typeof callPage>>['call']>;

export const stanceLabel = (stance: string): string =>
  ({ support: m.calls_stance_support(), 'support-ad-referendum': m.calls_stance_ad_referendum(), abstain: m.calls_stance_abstain(), object: m.calls_stance_object() })[stance] ?? stance;

export const statusLabel = (status: string): string => ({ open: m.calls_status_open(), closed: m.calls_status_closed(), withdrawn: m.calls_status_withdrawn() })[status] ?? status;
