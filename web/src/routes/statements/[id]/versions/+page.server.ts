import { requirePrincipal } from '$lib/server/guard.ts';
import { versionsDeps } from '$lib/server/versions/context.ts';
import { loadFailure, versionsFailure } from '$lib/server/versions/errors.ts';
import { nameCurrentVersion, restoreVersion, versionHistory, versionNumber } from '$lib/server/versions/versions.ts';
import { m } from '$lib/paraglide/messages.js';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const notices: Record<string, () => string> = {
  named: () => m.versions_notice_named(),
  restored: () => m.versions_notice_restored(),
  unchanged: () => m.versions_notice_unchanged(),
};

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  try {
    const history = await versionHistory({ deps: await versionsDeps(), principal, statementId: event.params.id });
    const done = event.url.searchParams.get('done');
    return { ...history, notice: done ? (notices[done]?.() ?? null) : null };
  } catch (caught) {
    loadFailure(caught);
  }
};

export const actions: Actions = {
  name: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    const raw = form.get('name');
    // Cut well above the limit so an overlong name is refused with a message, never silently cut.
    const name = typeof raw === 'string' ? raw.slice(0, 1000) : '';
    try {
      await nameCurrentVersion({ deps: await versionsDeps(), principal, statementId: event.params.id, name });
    } catch (caught) {
      return versionsFailure(caught, 'name', { name });
    }
    redirect(303, `/statements/${event.params.id}/versions?done=named`);
  },

  restore: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    let changed = false;
    try {
      const seq = versionNumber(String(form.get('seq') ?? ''));
      changed = (await restoreVersion({ deps: await versionsDeps(), principal, statementId: event.params.id, seq })).version !== null;
    } catch (caught) {
      return versionsFailure(caught, 'restore');
    }
    redirect(303, `/statements/${event.params.id}/versions?done=${changed ? 'restored' : 'unchanged'}`);
  },
};
