import { actionFailure, perform, textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { translated } from '$lib/server/publication/errors.ts';
import { managementPage, readSignOnEnd } from '$lib/server/publication/manage.ts';
import { checkbox } from '$lib/server/forms.ts';
import { publish, withdrawPublication } from '@concord/data/publication-service';
import { closeSignOn, decideEndorsement, importSignatories, openSignOn } from '@concord/data/sign-on-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  try {
    return { ...(await managementPage({ ports: publicationPorts(), actor, statementId: event.params.id })), now: Date.now(), done: event.url.searchParams.get('done') };
  } catch (caught) {
    actionFailure(caught, 'load');
    throw caught;
  }
};

/** Each act re-authorizes in the services; the form only decodes input. */
function act(form: string, run: (input: { event: Parameters<Actions[string]>[0]; data: FormData; now: number }) => Promise<unknown>): Actions[string] {
  return async (event) => {
    const data = await event.request.formData();
    return perform({ form, run: () => translated(() => run({ event, data, now: Date.now() })), then: `/statements/${event.params.id}/publication?done=${form}` });
  };
}

const common = (event: Parameters<Actions[string]>[0], now: number) => ({ ports: publicationPorts(), actor: requirePrincipal(event), statementId: event.params.id, now });

export const actions: Actions = {
  publish: act('publish', ({ event, now }) => publish(common(event, now))),
  withdraw: act('withdraw', ({ event, data, now }) => withdrawPublication({ ...common(event, now), reason: textField(data, 'reason', 1_001) })),
  openSignOn: act('openSignOn', ({ event, data, now }) => openSignOn({ ...common(event, now), closesAt: readSignOnEnd(data), outsiders: checkbox(data, 'outsiders') })),
  closeSignOn: act('closeSignOn', ({ event, now }) => closeSignOn(common(event, now))),
  verify: act('verify', ({ event, data, now }) => decideEndorsement({ ...common(event, now), endorsementId: textField(data, 'endorsementId', 80), decision: 'verified' })),
  reject: act('reject', ({ event, data, now }) => decideEndorsement({ ...common(event, now), endorsementId: textField(data, 'endorsementId', 80), decision: 'rejected' })),
  import: act('import', ({ event, data, now }) => importSignatories({ ...common(event, now), text: textField(data, 'signatories', 500_000) })),
};
