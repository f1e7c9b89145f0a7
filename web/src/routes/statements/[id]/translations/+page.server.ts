import { m } from '$lib/paraglide/messages.js';
import { textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { translationsDeps } from '$lib/server/translations/context.ts';
import { loadFailure, translationsFailure } from '$lib/server/translations/errors.ts';
import { addTranslation, translationList } from '$lib/server/translations/translations.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  try {
    const list = await translationList({ deps: await translationsDeps(), principal, statementId: event.params.id });
    return { ...list, notice: event.url.searchParams.get('done') === 'added' ? m.translations_notice_added() : null };
  } catch (caught) {
    loadFailure(caught);
  }
};

export const actions: Actions = {
  add: async (event) => {
    const principal = requirePrincipal(event);
    const language = textField(await event.request.formData(), 'language', 20);
    let added: string;
    try {
      added = await addTranslation({ deps: await translationsDeps(), principal, statementId: event.params.id, language });
    } catch (caught) {
      return translationsFailure(caught, 'add');
    }
    redirect(303, `/statements/${event.params.id}/translations/${added}?done=added`);
  },
};
