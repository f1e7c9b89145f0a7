import { accountOverview, chooseLanguage, deleteAccount, revokeSession, signOutElsewhere } from '$lib/server/accounts/account.ts';
import { webContext } from '$lib/server/context.ts';
import { act, secretField, textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { clearLocaleCookie, setLocaleCookie } from '$lib/server/locale.ts';
import { clearSessionCookie } from '$lib/server/accounts/session.ts';
import { readLocale } from '$lib/i18n.ts';
import { m } from '$lib/paraglide/messages.js';
import { noticeFor } from '$lib/notices.ts';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The signed-in person and the session of this request. */
function signedIn(event: RequestEvent) {
  const principal = requirePrincipal(event);
  const session = event.locals.session;
  if (!session) error(401, m.error_sign_in_first());
  return { principal, session };
}

export const load: PageServerLoad = async (event) => {
  const { principal, session } = signedIn(event);
  const overview = await accountOverview({ context: await webContext(), principal, session });
  return { overview, notice: noticeFor(event.url.searchParams.get('done')) };
};

export const actions: Actions = {
  revoke: async (event) => {
    const { principal, session } = signedIn(event);
    const form = await event.request.formData();
    const context = await webContext();
    return act({ form: 'revoke', run: () => revokeSession({ context, principal, current: session, sessionId: textField(form, 'sessionId', 100) }), then: '/account?done=session-revoked#sessions' });
  },
  /** The interface language, kept with the account (and in this browser's cookie); empty: follow the browser. */
  language: async (event) => {
    const { principal } = signedIn(event);
    const value = (await event.request.formData()).get('locale');
    const locale = readLocale(value);
    if (value !== '' && !locale) return fail(400, { form: 'language', code: 'input.locale', field: 'locale', message: m.language_unknown() });
    await chooseLanguage({ context: await webContext(), principal, locale });
    if (locale) setLocaleCookie({ cookies: event.cookies, locale, secure: event.url.protocol === 'https:' });
    else clearLocaleCookie({ cookies: event.cookies });
    redirect(303, '/account?done=language-saved#language');
  },
  others: async (event) => {
    const { principal, session } = signedIn(event);
    const context = await webContext();
    return act({ form: 'others', run: () => signOutElsewhere({ context, principal, current: session }), then: '/account?done=signed-out-elsewhere#sessions' });
  },
  delete: async (event) => {
    const { principal } = signedIn(event);
    const form = await event.request.formData();
    const context = await webContext();
    return act({
      form: 'delete',
      run: async () => {
        await deleteAccount({ context, principal, password: secretField(form, 'password'), now: Date.now() });
        clearSessionCookie({ cookies: event.cookies, secure: event.url.protocol === 'https:' });
      },
      then: '/signin?done=account-deleted',
    });
  },
};
