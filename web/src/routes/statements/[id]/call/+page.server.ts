import { callContext } from '$lib/server/calls/context.ts';
import { readDeadline, readOpenFields, readPositionFields } from '$lib/server/calls/forms.ts';
import { translated } from '$lib/server/calls/errors.ts';
import { callPage } from '$lib/server/calls/view.ts';
import { actionFailure, perform, textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { closeEarly, extendCall, openCall, takePosition, withdrawCall } from '@concord/data/call-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const { ports } = callContext();
  const now = Date.now();
  try {
    return { ...(await callPage({ ports, actor, statementId: event.params.id, now })), now, done: event.url.searchParams.get('done') };
  } catch (caught) {
    // not-found and forbidden become the error page (404 hides a draft's existence), as elsewhere.
    actionFailure(caught, 'load');
    throw caught;
  }
};

/** Each act re-authorizes in the call service; the form only decodes input. */
function act(form: string, run: (input: { event: Parameters<Actions[string]>[0]; data: FormData; now: number }) => Promise<unknown>): Actions[string] {
  return async (event) => {
    const data = await event.request.formData();
    return perform({ form, run: () => translated(() => run({ event, data, now: Date.now() })), then: `/statements/${event.params.id}/call?done=${form}` });
  };
}

export const actions: Actions = {
  open: act('open', ({ event, data, now }) =>
    openCall({ ports: callContext().ports, actor: requirePrincipal(event), statementId: event.params.id, ...readOpenFields(data), now }),
  ),
  position: act('position', ({ event, data, now }) =>
    takePosition({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), ...readPositionFields(data), now }),
  ),
  extend: act('extend', ({ event, data, now }) =>
    extendCall({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), deadline: readDeadline(data).deadline, reason: textField(data, 'reason', 1_001), now }),
  ),
  withdraw: act('withdraw', ({ event, data, now }) => withdrawCall({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), now })),
  close: act('close', ({ event, data, now }) => closeEarly({ ports: callContext().ports, actor: requirePrincipal(event), callId: textField(data, 'callId', 80), now })),
};
