import { callContext } from '$lib/server/calls/context.ts';
import { readDeadline, readOpenFields, readPositionFields } from '$lib/server/calls/forms.ts';
import { callPage } from '$lib/server/calls/view.ts';
import { act, textField } from '$lib/server/forms.ts';
import { loading, requirePrincipal } from '$lib/server/guard.ts';
import { closeEarly, extendCall, openCall, takePosition, withdrawCall } from '@concord/calls';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const { ports } = callContext();
  const now = Date.now();
  // not-found and forbidden become the error page (404 hides a draft's existence), as elsewhere.
  const page = await loading(() => callPage({ ports, actor, statementId: event.params.id, now }), { area: 'calls' });
  return { ...page, now, done: event.url.searchParams.get('done') };
};

/** Each act re-authorizes in the call service; the form only decodes input. */
function action(form: string, run: (input: { event: Parameters<Actions[string]>[0]; data: FormData; now: number }) => Promise<unknown>): Actions[string] {
  return async (event) => {
    const data = await event.request.formData();
    return act({ form, area: 'calls', run: () => run({ event, data, now: Date.now() }), then: `/statements/${event.params.id}/call?done=${form}` });
  };
}

export const actions: Actions = {
  open: action('open', ({ event, data, now }) =>
    openCall({ ports: callContext().ports, actor: requirePrincipal(event), statementId: event.params.id, ...readOpenFields(data), now }),
  ),
  position: action('position', ({ event, data, now }) =>
    takePosition({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), ...readPositionFields(data), now }),
  ),
  extend: action('extend', ({ event, data, now }) =>
    extendCall({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), deadline: readDeadline(data).deadline, reason: textField(data, 'reason', 1_001), now }),
  ),
  withdraw: action('withdraw', ({ event, data, now }) => withdrawCall({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), now })),
  close: action('close', ({ event, data, now }) => closeEarly({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), now })),
};
