import { actionFailure, act, textField } from '$lib/server/forms.ts';
import { loading, requirePrincipal } from '$lib/server/guard.ts';
import { publicationPorts } from '$lib/server/publication/context.ts';
import { managementPage, readSignOnEnd } from '$lib/server/publication/manage.ts';
import { checkbox } from '$lib/server/forms.ts';
import { closeSignOn, decideEndorsement, importSignatories, openSignOn, previewPublication, publish, withdrawPublication } from '@concord/publication';
import { publicTitleMax } from '@concord/core';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const page = await loading(() => managementPage({ ports: publicationPorts(), actor, statementId: event.params.id }), { area: 'publication' });
  return { ...page, now: Date.now(), done: event.url.searchParams.get('done') };
};

/** Each act re-authorizes in the services; the form only decodes input. */
function action(form: string, run: (input: { event: Parameters<Actions[string]>[0]; data: FormData; now: number }) => Promise<unknown>): Actions[string] {
  return async (event) => {
    const data = await event.request.formData();
    return act({ form, area: 'publication', run: () => run({ event, data, now: Date.now() }), then: `/statements/${event.params.id}/publication?done=${form}` });
  };
}

const common = (event: Parameters<Actions[string]>[0], now: number) => ({ ports: publicationPorts(), actor: requirePrincipal(event), statementId: event.params.id, now });

/** The public title and slug as typed: an empty slug means "from the title". */
const naming = (data: FormData) => ({ title: textField(data, 'title', publicTitleMax + 1), slug: textField(data, 'slug', 100) || null });

/** A refused title or slug comes back with what was typed, so nothing is lost. */
function keepingValues(caught: unknown, data: FormData) {
  const failure = actionFailure(caught, 'publish', { area: 'publication' });
  return fail(failure.status, { ...failure.data, values: naming(data) });
}

export const actions: Actions = {
  // Checks and shows what would be published, claiming nothing: works without JavaScript.
  preview: async (event) => {
    const data = await event.request.formData();
    try {
      const preview = await previewPublication({ ...common(event, Date.now()), ...naming(data) });
      return { form: 'preview', preview, values: naming(data) };
    } catch (caught) {
      return keepingValues(caught, data);
    }
  },
  publish: async (event) => {
    const data = await event.request.formData();
    try {
      await publish({ ...common(event, Date.now()), ...naming(data) });
    } catch (caught) {
      return keepingValues(caught, data);
    }
    redirect(303, `/statements/${event.params.id}/publication?done=publish`);
  },
  withdraw: action('withdraw', ({ event, data, now }) => withdrawPublication({ ...common(event, now), reason: textField(data, 'reason', 1_001) })),
  openSignOn: action('openSignOn', ({ event, data, now }) => openSignOn({ ...common(event, now), closesAt: readSignOnEnd(data), outsiders: checkbox(data, 'outsiders') })),
  closeSignOn: action('closeSignOn', ({ event, now }) => closeSignOn(common(event, now))),
  verify: action('verify', ({ event, data, now }) => decideEndorsement({ ...common(event, now), endorsementId: textField(data, 'endorsementId', 80), decision: 'verified' })),
  reject: action('reject', ({ event, data, now }) => decideEndorsement({ ...common(event, now), endorsementId: textField(data, 'endorsementId', 80), decision: 'rejected' })),
  import: action('import', ({ event, data, now }) => importSignatories({ ...common(event, now), text: textField(data, 'signatories', 500_000) })),
};
