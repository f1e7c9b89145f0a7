import { fail, redirect } from '@sveltejs/kit';
import { checkTwoFactorCode, minutesFrom } from '$lib/server/accounts/sign-in.ts';
import { webContext } from '$lib/server/context.ts';
import { safeRedirectPath } from '$lib/server/http.ts';
import { startSession } from '$lib/server/accounts/session.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeRedirectPath({ next: url.searchParams.get('next'), fallback: '/' });
  if (locals.principal) redirect(303, next);
  if (!locals.pendingTwoFactor) redirect(303, `/signin?next=${encodeURIComponent(next)}`);
  return { next };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, locals }) => {
    const pending = locals.pendingTwoFactor;
    if (!pending) redirect(303, '/signin');
    const form = await request.formData();
    const code = String(form.get('code') ?? '').slice(0, 20);
    const next = safeRedirectPath({ next: form.get('next'), fallback: '/' });
    const context = await webContext();
    const now = Date.now();
    const result = await checkTwoFactorCode({ context, userId: pending.userId, code, now });
    if (result.kind === 'limited') return fail(429, { message: m.error_too_many_attempts({ when: minutesFrom(result.retryAfterMs) }) });
    if (result.kind === 'refused') return fail(400, { message: m.signin_code_wrong() });
    const account = await context.accounts.get(pending.userId);
    if (!account) redirect(303, '/signin');
    // The session gains privilege: it gets a new token, and the half-session ends.
    await context.sessions.delete(pending.id);
    await startSession({ sessions: context.sessions, cookies, secure: url.protocol === 'https:', account, twoFactorVerified: true, device: pending.device, now });
    redirect(303, next);
  },
};
