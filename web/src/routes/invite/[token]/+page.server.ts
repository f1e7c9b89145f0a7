import { webContext } from '$lib/server/context.ts';
import { act, secretField, textField } from '$lib/server/forms.ts';
import { acceptInvitation, describeInvitation } from '$lib/server/accounts/invitations.ts';
import { describeDevice } from '$lib/server/accounts/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const invitation = await describeInvitation({ context: await webContext(), token: params.token, now: Date.now() });
  return { invitation, signedIn: locals.principal !== null };
};

export const actions: Actions = {
  default: async ({ params, request, cookies, url, locals }) => {
    const form = await request.formData();
    const context = await webContext();
    let next = '/';
    return act({
      form: 'accept',
      run: async () => {
        const result = await acceptInvitation({
          context,
          token: params.token,
          name: textField(form, 'name', 100),
          password: secretField(form, 'password'),
          cookies,
          secure: url.protocol === 'https:',
          device: describeDevice(request.headers.get('user-agent')),
          previousSessionId: (locals.session ?? locals.pendingTwoFactor)?.id,
          now: Date.now(),
        });
        if (result.twoFactorRequired) next = '/account/two-factor?required=1';
      },
      then: () => next,
    });
  },
};
