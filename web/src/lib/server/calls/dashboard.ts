/** The dashboard's part of consensus calls: open calls with their deadlines, and the person's notifications. */
import type { Principal } from '@concord/core';
import { callContext } from './context.ts';
import { openCallsFor } from './view.ts';

export async function callsDashboard(input: { actor: Principal; statements: readonly { id: string; title: string }[] }) {
  const { ports, notifications } = callContext();
  const [open, recent, unread] = await Promise.all([
    openCallsFor({ ports, actor: input.actor, statements: input.statements }),
    notifications.list({ userId: input.actor.userId, limit: 10 }),
    notifications.unreadCount({ userId: input.actor.userId }),
  ]);
  return { open, notifications: recent.map(({ userId: _user, ...rest }) => rest), unread, now: Date.now() };
}

export type CallsDashboard = Awaited<ReturnType<typeof callsDashboard>>;
