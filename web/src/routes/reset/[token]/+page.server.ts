import { webContext } from '$lib/server/context.ts';
import { act, secretField } from '$lib/server/forms.ts';
import { completeReset, resetLinkWorks } from '$lib/server/accounts/reset.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
  works: await resetLinkWorks({ context: await webContext(), token: params.token, now: Date.now() }),
});

export const actions: Actions = {
  default: async ({ params, request }) => {
    const form = await request.formData();
    const context = await webContext();
    return act({
      form: 'reset',
      run: () => completeReset({ context, token: params.token, password: secretField(form, 'password'), now: Date.now() }),
      then: '/signin?done=password-reset',
    });
  },
};
