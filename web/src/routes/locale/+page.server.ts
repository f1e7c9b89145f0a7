import { fail, redirect } from '@sveltejs/kit';
import { chooseLanguage } from '$lib/server/accounts/account.ts';
import { webContext } from '$lib/server/context.ts';
import { safeRedirectPath } from '$lib/server/http.ts';
import { setLocaleCookie } from '$lib/server/locale.ts';
import { readLocale } from '$lib/i18n.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ next: safeRedirectPath({ next: url.searchParams.get('next'), fallback: '/' }) });

export const actions: Actions = {
  /**
   * The header's language switcher (a plain form: it works without JavaScript). The choice is
   * kept in this browser's cookie and, for a signed-in person, with their account, so it follows
   * them to every device.
   */
  default: async ({ request, cookies, url, locals }) => {
    const form = await request.formData();
    const locale = readLocale(form.get('locale'));
    const next = safeRedirectPath({ next: form.get('next'), fallback: '/' });
    if (!locale) return fail(400, { message: m.language_unknown() });
    setLocaleCookie({ cookies, locale, secure: url.protocol === 'https:' });
    if (locals.principal) await chooseLanguage({ context: await webContext(), principal: locals.principal, locale });
    redirect(303, next);
  },
};
