import type { Principal } from '@concord/core';
import { redirect } from '@sveltejs/kit';
import { webContext } from '$lib/server/context.ts';
import { listField, act, textField } from '$lib/server/forms.ts';
import { requirePrincipal } from '$lib/server/guard.ts';
import { addOrganisation, changeOrganisation, handChair } from '$lib/server/coalition/organisations.ts';
import { coalitionLanding, coalitionPage } from '$lib/server/coalition/overview.ts';
import { setNotice } from '$lib/server/coalition/notice.ts';
import { createTaskForce, deleteTaskForce, setTaskForceMember } from '$lib/server/coalition/task-forces.ts';
import { noticeFor } from '$lib/notices.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requirePrincipal(event);
  const landing = coalitionLanding(actor);
  if (landing.kind === 'own-organisation') redirect(303, landing.path);
  return { page: await coalitionPage({ context: await webContext(), actor }), notice: noticeFor(event.url.searchParams.get('done')) };
};

/** Decodes the post and hands the actor, the context and the fields to `run`. */
async function action(event: RequestEvent, form: string, done: string | ((actor: Principal) => string), run: (input: { actor: Principal; context: Awaited<ReturnType<typeof webContext>>; fields: FormData; now: number }) => Promise<unknown>) {
  const actor = requirePrincipal(event);
  const fields = await event.request.formData();
  const context = await webContext();
  const then = typeof done === 'string' ? `/coalition?done=${done}` : done(actor);
  return act({ form, run: () => run({ actor, context, fields, now: Date.now() }), then });
}

export const actions: Actions = {
  addOrganisation: (event) =>
    action(event, 'addOrganisation', 'organisation-added', ({ fields, ...rest }) =>
      addOrganisation({ ...rest, name: textField(fields, 'name', 120), tier: textField(fields, 'tier'), stakeholderGroup: textField(fields, 'stakeholderGroup') }),
    ),
  changeOrganisation: (event) =>
    action(event, 'changeOrganisation', 'organisation-changed', ({ fields, ...rest }) =>
      changeOrganisation({ ...rest, organisationId: textField(fields, 'organisationId'), tier: textField(fields, 'tier'), stakeholderGroup: textField(fields, 'stakeholderGroup') }),
    ),
  handChair: (event) =>
    // Whoever handed their own organisation's chair on no longer manages the coalition.
    action(event, 'handChair', (actor) => (actor.isChair && !actor.roles.includes('secretariat') ? '/' : '/coalition?done=chair-handed'), ({ fields, ...rest }) => handChair({ ...rest, organisationId: textField(fields, 'organisationId') })),
  createTaskForce: (event) =>
    action(event, 'createTaskForce', 'task-force-created', ({ fields, ...rest }) =>
      createTaskForce({ ...rest, name: textField(fields, 'name', 120), organisationIds: listField(fields, 'organisationIds', 500) }),
    ),
  taskForceMember: (event) =>
    action(event, 'taskForceMember', 'task-force-changed', ({ fields, ...rest }) =>
      setTaskForceMember({ ...rest, taskForceId: textField(fields, 'taskForceId'), organisationId: textField(fields, 'organisationId'), member: textField(fields, 'member') === 'add' }),
    ),
  setNotice: (event) =>
    action(event, 'setNotice', 'notice-saved', ({ fields, ...rest }) =>
      setNotice({ ...rest, silenceHours: textField(fields, 'silenceHours', 6), explicitHours: textField(fields, 'explicitHours', 6) }),
    ),
  deleteTaskForce: (event) =>
    action(event, 'deleteTaskForce', 'task-force-deleted', ({ fields, ...rest }) => deleteTaskForce({ ...rest, taskForceId: textField(fields, 'taskForceId') })),
};
