import { fail, redirect } from '@sveltejs/kit';
import { minutesFrom } from '$lib/server/accounts/sign-in.ts';
import { webContext } from '$lib/server/context.ts';
import { textField } from '$lib/server/forms.ts';
import { mailLinkOrigin } from '$lib/server/links.ts';
import { requestReset } from '$lib/server/accounts/reset.ts';
import { noticeFor } from '$lib/notices.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ notice: noticeFor(url.searchParams.get('done')) });

export const actions: Actions = {
  default: async ({ request, url, getClientAddress }) => {
    const form = await request.formData();
    const email = textField(form, 'email', 254);
    if (!email) return fail(400, { form: 'reset', code: 'input.email', field: 'email', message: m.reset_email_missing() });
    const context = await webContext();
    const address = getClientAddress();
    const linkOrigin = mailLinkOrigin({ configured: context.publicUrl, requestOrigin: url.origin, clientAddress: address });
    const result = await requestReset({ context, email, address, linkOrigin, now: Date.now() });
    if (result.kind === 'limited') return fail(429, { form: 'reset', code: 'reset.limited', field: null, message: m.error_too_many_requests({ when: minutesFrom(result.retryAfterMs) }) });
    redirect(303, '/reset?done=reset-sent');
  },
};
