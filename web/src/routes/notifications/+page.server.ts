import { redirect } from '@sveltejs/kit';
import { callContext } from '$lib/server/calls/context.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

// The notifications are shown on the home page; this route only takes the "mark as read" post.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  read: async (event) => {
    const actor = requirePrincipal(event);
    await callContext().notifications.markRead({ userId: actor.userId, now: Date.now() });
    redirect(303, '/');
  },
};
