import { act } from '$lib/server/forms.ts';
import { loading, requirePrincipal } from '$lib/server/guard.ts';
import { versionsDeps } from '$lib/server/versions/context.ts';
import { nameCurrentVersion, restoreVersion, versionHistory, versionNumber } from '$lib/server/versions/versions.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

const notices: Record<string, () => string> = {
  named: () => m.versions_notice_named(),
  restored: () => m.versions_notice_restored(),
  unchanged: () => m.versions_notice_unchanged(),
};

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  const history = await loading(async () => versionHistory({ deps: await versionsDeps(), principal, statementId: event.params.id }), { area: 'versions' });
  const done = event.url.searchParams.get('done');
  return { ...history, notice: done ? (notices[done]?.() ?? null) : null };
};

export const actions: Actions = {
  name: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    const raw = form.get('name');
    // Cut well above the limit so an overlong name is refused with a message, never silently cut.
    const name = typeof raw === 'string' ? raw.slice(0, 1000) : '';
    return act({
      form: 'name',
      area: 'versions',
      submitted: { name },
      run: async () => nameCurrentVersion({ deps: await versionsDeps(), principal, statementId: event.params.id, name }),
      then: `/statements/${event.params.id}/versions?done=named`,
    });
  },

  restore: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    return act({
      form: 'restore',
      area: 'versions',
      run: async () => restoreVersion({ deps: await versionsDeps(), principal, statementId: event.params.id, seq: versionNumber(String(form.get('seq') ?? '')) }),
      then: ({ version }) => `/statements/${event.params.id}/versions?done=${version !== null ? 'restored' : 'unchanged'}`,
    });
  },
};
