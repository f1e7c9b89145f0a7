import { m } from '$lib/paraglide/messages.js';
import { requirePrincipal } from '$lib/server/guard.ts';
import { translationsDeps } from '$lib/server/translations/context.ts';
import { loadFailure, translationsFailure } from '$lib/server/translations/errors.ts';
import { markParagraphCurrent, translationPage } from '$lib/server/translations/translations.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const notices: Record<string, () => string> = {
  added: () => m.translations_notice_added(),
  marked: () => m.translations_notice_marked(),
};

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  try {
    const page = await translationPage({ deps: await translationsDeps(), principal, statementId: event.params.id, language: event.params.lang });
    const done = event.url.searchParams.get('done');
    const user = { userId: principal.userId, name: principal.userName, organisation: principal.organisationName };
    return { ...page, user, notice: done ? (notices[done]?.() ?? null) : null };
  } catch (caught) {
    loadFailure(caught);
  }
};

export const actions: Actions = {
  current: async (event) => {
    const principal = requirePrincipal(event);
    const form = await event.request.formData();
    const rawSource = String(form.get('source') ?? '');
    const hash = String(form.get('hash') ?? '');
    try {
      // A paragraph number or hash that does not read as one is a paragraph whose source is gone.
      const source = /^[0-9]{1,6}$/.test(rawSource) ? Number(rawSource) : -1;
      await markParagraphCurrent({ deps: await translationsDeps(), principal, statementId: event.params.id, language: event.params.lang, source, hash: hash.slice(0, 64) });
    } catch (caught) {
      return translationsFailure(caught, 'current');
    }
    redirect(303, `/statements/${event.params.id}/translations/${event.params.lang}?done=marked`);
  },
};
