import { redirect } from '@sveltejs/kit';
import { webContext } from '$lib/server/context.ts';
import { clearSessionCookie } from '$lib/server/accounts/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.principal && !locals.pendingTwoFactor) redirect(303, '/');
  return {};
};

export const actions: Actions = {
  /** Ends this session, closes its live connections, forgets the cookie. */
  default: async ({ locals, cookies, url }) => {
    const session = locals.session ?? locals.pendingTwoFactor;
    if (session) {
      const context = await webContext();
      await context.sessions.delete(session.id);
      await context.realtime.evictUser({ userId: session.userId, sessionId: session.id, reason: 'auth.signed-out' });
    }
    clearSessionCookie({ cookies, secure: url.protocol === 'https:' });
    redirect(303, '/signin');
  },
};
