import { fail, redirect } from '@sveltejs/kit';
import { groupDirectory } from '$lib/directory.ts';
import { webContext } from '$lib/server/context.ts';
import { safeRedirectPath } from '$lib/server/http.ts';
import { demoCookieOptions, demoUserCookie, parseUserId } from '$lib/server/principal.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  const context = webContext();
  const [coalition] = await context.coalitions.list();
  if (!coalition) return { coalitionName: null, groups: [], next: url.searchParams.get('next') ?? '' };
  const [organisations, users] = await Promise.all([
    context.organisations.listByCoalition(coalition.id),
    context.users.listByCoalition(coalition.id),
  ]);
  return {
    coalitionName: coalition.name,
    groups: groupDirectory({ organisations, users }),
    next: safeRedirectPath({ next: url.searchParams.get('next'), fallback: '' }),
  };
};

export const actions: Actions = {
  /** Acts as the chosen delegate from now on (a cookie; sign-in replaces this). */
  choose: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const userId = parseUserId(form.get('userId')?.toString());
    const user = userId ? await webContext().users.get(userId) : null;
    if (!user) return fail(400, { message: 'Choose one of the people listed.' });
    cookies.set(demoUserCookie, user.id, demoCookieOptions({ secure: url.protocol === 'https:' }));
    redirect(303, safeRedirectPath({ next: form.get('next'), fallback: '/' }));
  },
  /** Stops acting as anyone. */
  forget: async ({ cookies }) => {
    cookies.delete(demoUserCookie, { path: '/' });
    redirect(303, '/demo');
  },
};
