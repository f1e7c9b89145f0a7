import { error } from '@sveltejs/kit';
import { webContext } from '$lib/server/context.ts';
import { isLoopbackAddress, linkify } from '$lib/server/outbox.ts';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

/** The local operator's outbox: only on the local host (no outbox on AWS) and only from this machine. */
export const load: PageServerLoad = async ({ getClientAddress, setHeaders }) => {
  const { outbox } = await webContext();
  if (!outbox || !isLoopbackAddress(getClientAddress())) error(404, m.error_not_found());
  setHeaders({ 'cache-control': 'no-store' });
  const mails = await outbox.list();
  return { mails: mails.map((mail) => ({ id: mail.id, at: mail.at, to: mail.to, subject: mail.subject, parts: linkify(mail.text) })) };
};
