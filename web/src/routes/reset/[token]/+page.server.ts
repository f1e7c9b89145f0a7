import { webContext } from '$lib/server/context.ts';
import { perform, secretField } from '$lib/server/forms.ts';
import { completeReset } from '$lib/server/reset.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ params, request }) => {
    const form = await request.formData();
    const context = await webContext();
    return perform({
      form: 'reset',
      run: () => completeReset({ context, token: params.token, password: secretField(form, 'password'), now: Date.now() }),
      then: '/signin?done=password-reset',
    });
  },
};
