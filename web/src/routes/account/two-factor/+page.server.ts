import { fail, redirect } from '@sveltejs/kit';
import { twoFactorRequired } from '@concord/core';
import { webContext } from '$lib/server/context.ts';
import { actionFailure, act, textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { beginEnrolment, completeEnrolment, disableTwoFactor, resumeEnrolment } from '$lib/server/accounts/two-factor.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  const account = event.locals.account!;
  const context = await webContext();
  return {
    required: twoFactorRequired(principal),
    askedBecauseRequired: event.url.searchParams.get('required') === '1',
    enrolled: account.hasTwoFactor,
    enrolment: account.hasTwoFactor ? null : await beginEnrolment({ context, email: account.email }),
  };
};

export const actions: Actions = {
  enrol: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    const context = await webContext();
    const pending = textField(form, 'pending', 500);
    try {
      await completeEnrolment({ context, principal, pending, code: textField(form, 'code', 20), now: Date.now() });
    } catch (caught) {
      const failure = actionFailure(caught, 'enrol');
      // The same key again, so the person need not scan a new code.
      return fail(failure.status, { ...failure.data, enrolment: await resumeEnrolment({ context, pending, email: event.locals.account!.email }) });
    }
    redirect(303, '/account?done=two-factor-on');
  },
  disable: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    const context = await webContext();
    return act({ form: 'disable', run: () => disableTwoFactor({ context, principal, code: textField(form, 'code', 20), now: Date.now() }), then: '/account?done=two-factor-off' });
  },
};
