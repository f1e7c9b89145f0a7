import { fail, redirect } from '@sveltejs/kit';
import { checkPassword, minutesFrom } from '$lib/server/accounts/sign-in.ts';
import { webContext } from '$lib/server/context.ts';
import { safeRedirectPath } from '$lib/server/http.ts';
import { describeDevice, startSession } from '$lib/server/accounts/session.ts';
import { noticeFor } from '$lib/notices.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeRedirectPath({ next: url.searchParams.get('next'), fallback: '/' });
  if (locals.principal) redirect(303, next);
  return { next, notice: noticeFor(url.searchParams.get('done')) };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').slice(0, 254);
    const password = String(form.get('password') ?? '').slice(0, 1024);
    const next = safeRedirectPath({ next: form.get('next'), fallback: '/' });
    if (!email || !password) return fail(400, { email, message: m.signin_missing() });
    const context = await webContext();
    const now = Date.now();
    const result = await checkPassword({ context, email, password, address: getClientAddress(), now });
    if (result.kind === 'limited') return fail(429, { email, message: m.error_too_many_attempts({ when: minutesFrom(result.retryAfterMs) }) });
    if (result.kind === 'refused') return fail(400, { email, message: m.signin_refused() });
    const twoFactor = result.account.totpKey !== null;
    const device = describeDevice(request.headers.get('user-agent'));
    await startSession({ sessions: context.sessions, cookies, secure: url.protocol === 'https:', account: result.account, twoFactorVerified: !twoFactor, device, now });
    redirect(303, twoFactor ? `/signin/two-factor?next=${encodeURIComponent(next)}` : next);
  },
};
