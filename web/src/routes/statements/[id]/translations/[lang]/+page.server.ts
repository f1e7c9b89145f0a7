import { m } from '$lib/paraglide/messages.js';
import { act } from '$lib/server/forms.ts';
import { loading, requirePrincipal } from '$lib/server/guard.ts';
import { translationsDeps } from '$lib/server/translations/context.ts';
import { markParagraphCurrent, translationPage } from '$lib/server/translations/translations.ts';
import type { Actions, PageServerLoad } from './$types';

const notices: Record<string, () => string> = {
  added: () => m.translations_notice_added(),
  marked: () => m.translations_notice_marked(),
};

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  const page = await loading(async () => translationPage({ deps: await translationsDeps(), principal, statementId: event.params.id, language: event.params.lang }), { area: 'translations' });
  const done = event.url.searchParams.get('done');
  const user = { userId: principal.userId, name: principal.userName, organisation: principal.organisationName };
  return { ...page, user, notice: done ? (notices[done]?.() ?? null) : null };
};

export const actions: Actions = {
  current: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    const rawSource = String(form.get('source') ?? '');
    const hash = String(form.get('hash') ?? '');
    // A paragraph number or hash that does not read as one is a paragraph whose source is gone.
    const source = /^[0-9]{1,6}$/.test(rawSource) ? Number(rawSource) : -1;
    return act({
      form: 'current',
      area: 'translations',
      run: async () => markParagraphCurrent({ deps: await translationsDeps(), principal, statementId: event.params.id, language: event.params.lang, source, hash: hash.slice(0, 64) }),
      then: `/statements/${event.params.id}/translations/${event.params.lang}?done=marked`,
    });
  },
};
