import { m } from '$lib/paraglide/messages.js';
import { act, textField } from '$lib/server/forms.ts';
import { loading, requirePrincipal } from '$lib/server/guard.ts';
import { translationsDeps } from '$lib/server/translations/context.ts';
import { addTranslation, translationList } from '$lib/server/translations/translations.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const principal = requirePrincipal(event);
  const list = await loading(async () => translationList({ deps: await translationsDeps(), principal, statementId: event.params.id }), { area: 'translations' });
  return { ...list, notice: event.url.searchParams.get('done') === 'added' ? m.translations_notice_added() : null };
};

export const actions: Actions = {
  add: async (event) => {
    const principal = requirePrincipal(event);
    const language = textField(await event.request.formData(), 'language', 20);
    return act({
      form: 'add',
      area: 'translations',
      run: async () => addTranslation({ deps: await translationsDeps(), principal, statementId: event.params.id, language }),
      then: (added) => `/statements/${event.params.id}/translations/${added}?done=added`,
    });
  },
};
