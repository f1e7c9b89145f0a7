import type { Principal } from '@concord/core';
import { webContext } from '$lib/server/context.ts';
import { checkbox, act, textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { mailLinkOrigin } from '$lib/server/links.ts';
import { organisationPage } from '$lib/server/coalition/overview.ts';
import { cancelInvitation, invitePerson, removeDelegate, setOrganisationLead, setSecretariat } from '$lib/server/coalition/people.ts';
import { noticeFor } from '$lib/notices.ts';
import { getLocale, readLocale } from '$lib/i18n.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const page = await organisationPage({ context: await webContext(), actor, organisationId: event.params.id });
  return { page, notice: noticeFor(event.url.searchParams.get('done')) };
};

type Run = (input: { actor: Principal; context: Awaited<ReturnType<typeof webContext>>; fields: FormData; now: number }) => Promise<unknown>;

async function action(event: RequestEvent, form: string, done: string, run: Run) {
  const actor = requirePrincipal(event);
  const fields = await event.request.formData();
  const context = await webContext();
  return act({ form, run: () => run({ actor, context, fields, now: Date.now() }), then: `/coalition/organisations/${event.params.id}?done=${done}` });
}

export const actions: Actions = {
  invite: (event) =>
    action(event, 'invite', 'invited', ({ fields, context, ...rest }) =>
      invitePerson({
        ...rest,
        context,
        organisationId: event.params.id,
        email: textField(fields, 'email', 254),
        name: textField(fields, 'name', 100),
        lead: checkbox(fields, 'lead'),
        locale: readLocale(fields.get('locale')) ?? getLocale(),
        linkOrigin: mailLinkOrigin({ configured: context.publicUrl, requestOrigin: event.url.origin, clientAddress: event.getClientAddress() }),
      }),
    ),
  cancel: (event) => action(event, 'cancel', 'invitation-cancelled', ({ fields, ...rest }) => cancelInvitation({ ...rest, invitationId: textField(fields, 'invitationId', 100) })),
  remove: (event) => action(event, 'remove', 'removed', ({ fields, ...rest }) => removeDelegate({ ...rest, userId: textField(fields, 'userId') })),
  lead: (event) =>
    action(event, 'lead', 'lead-changed', ({ fields, ...rest }) => setOrganisationLead({ ...rest, userId: textField(fields, 'userId'), lead: textField(fields, 'lead') === 'name' })),
  secretariat: (event) =>
    action(event, 'secretariat', 'secretariat-changed', ({ fields, ...rest }) => setSecretariat({ ...rest, userId: textField(fields, 'userId'), grant: textField(fields, 'grant') === 'grant' })),
};
