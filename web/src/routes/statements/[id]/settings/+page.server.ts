import { webContext } from '$lib/server/context.ts';
import { act } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { changeSettings, configurableStatement, readSettingsFields, settingsOptions } from '$lib/server/statement-settings.ts';
import { noticeFor } from '$lib/notices.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const context = await webContext();
  const { statement } = await configurableStatement({ context, actor, id: event.params.id });
  return {
    statement: { id: statement.id, title: statement.title },
    values: {
      title: statement.title,
      visibility: statement.visibility,
      penHolderIds: statement.penHolderIds,
      advisoryParticipation: statement.advisoryParticipation,
      amendmentDecisions: statement.amendmentDecisions,
    },
    ...(await settingsOptions({ context, actor })),
    notice: noticeFor(event.url.searchParams.get('done')),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const actor = requirePrincipal(event);
    const form = await event.request.formData();
    const context = await webContext();
    let changed = false;
    return act({
      form: 'settings',
      run: async () => ({ changed } = await changeSettings({ context, actor, statementId: event.params.id, fields: readSettingsFields(form), now: Date.now() })),
      then: () => `/statements/${event.params.id}/settings?done=${changed ? 'settings-saved' : 'settings-unchanged'}`,
    });
  },
};
