import { authorize, membersOnlyVisibility } from '@concord/core';
import { textLimits } from '@concord/export';
import { webContext } from '$lib/server/context.ts';
import { markdownFromUpload } from '$lib/server/exports/upload.ts';
import { act, textField } from '$lib/server/forms.ts';
import { enforce, requirePrincipal } from '$lib/server/guard.ts';
import { createStatement, languages, readSettingsFields, settingsOptions } from '$lib/server/statement-settings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  enforce(authorize({ actor, action: 'statement.create', coalitionId: actor.coalitionId }));
  const options = await settingsOptions({ context: await webContext(), actor });
  // Members only by default: widening a draft to the advisory network or observers is a deliberate act.
  const values = { title: '', visibility: membersOnlyVisibility, penHolderIds: [] as string[], advisoryParticipation: false, amendmentDecisions: 'editors' as const };
  return { ...options, languages: [...languages], defaultLanguage: 'en', values };
};

export const actions: Actions = {
  default: async (event) => {
    const actor = requirePrincipal(event);
    const form = await event.request.formData();
    const context = await webContext();
    let id = '';
    return act({
      form: 'create',
      run: async () => {
        // A chosen file (.md or .docx) is the initial text instead of what was typed.
        const uploaded = await markdownFromUpload(form);
        const statement = await createStatement({
          context,
          actor,
          fields: readSettingsFields(form),
          language: textField(form, 'language', 20),
          // One character over the limit is kept, so a longer text is refused, not silently cut.
          markdown: uploaded ?? textField(form, 'markdown', textLimits.characters + 1),
          now: Date.now(),
        });
        id = statement.id;
      },
      then: () => `/statements/${id}`,
    });
  },
};
