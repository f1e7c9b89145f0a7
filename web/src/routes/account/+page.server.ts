import { accountOverview, deleteAccount, revokeSession, signOutElsewhere } from '$lib/server/account.ts';
import { webContext } from '$lib/server/context.ts';
import { perform, secretField, textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { clearSessionCookie } from '$lib/server/session.ts';
import { noticeFor } from '$lib/notices.ts';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The signed-in person and the session of this request. */
function signedIn(event: RequestEvent) {
  const principal = requirePrincipal(event);
  const session = event.locals.session;
  if (!session) error(401, 'Sign in first.');
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
    return perform({ form: 'revoke', run: () => revokeSession({ context, principal, current: session, sessionId: textField(form, 'sessionId', 100) }), then: '/account?done=session-revoked#sessions' });
  },
  others: async (event) => {
    const { principal, session } = signedIn(event);
    const context = await webContext();
    return perform({ form: 'others', run: () => signOutElsewhere({ context, principal, current: session }), then: '/account?done=signed-out-elsewhere#sessions' });
  },
  delete: async (event) => {
    const { principal } = signedIn(event);
    const form = await event.request.formData();
    const context = await webContext();
    return perform({
      form: 'delete',
      run: async () => {
        await deleteAccount({ context, principal, password: secretField(form, 'password'), now: Date.now() });
        clearSessionCookie({ cookies: event.cookies, secure: event.url.protocol === 'https:' });
      },
      then: '/signin?done=account-deleted',
    });
  },
};
