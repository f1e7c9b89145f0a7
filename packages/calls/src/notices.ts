/**
 * Telling people about a call: an in-app notification for everyone who can see the statement
 * (active people only), and a notice to the text's open editors. Failures are logged, never
 * thrown: the act they tell about is already stored and must not look failed.
 */
import { statementAccess, type ConsensusCall, type Principal } from '@concord/core';
import type { CallPorts } from './ports.ts';
import type { Notification, NotificationKind } from './ports.ts';

/** The notice sent to open editors (sync `[100, text]`): they refetch the call. */
export const callNotice = (kind: NotificationKind, callId: string) => `call:${kind}:${callId}`;

/** Each active person of the coalition who can see the statement, as a principal. */
export async function readers(input: { ports: CallPorts; statementId: string }): Promise<{ title: string; people: Principal[] } | null> {
  const { directory } = input.ports;
  const resource = await directory.statement(input.statementId);
  if (!resource) return null;
  const { statement } = resource;
  const [organisations, users] = await Promise.all([directory.organisations(statement.coalitionId), directory.users(statement.coalitionId)]);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const people: Principal[] = [];
  for (const user of users) {
    const organisation = byId.get(user.organisationId);
    if (user.status !== 'active' || !organisation) continue;
    const principal: Principal = {
      userId: user.id,
      userName: user.name,
      organisationId: organisation.id,
      organisationName: organisation.name,
      coalitionId: statement.coalitionId,
      tier: organisation.tier,
      isChair: organisation.isChair,
      roles: user.roles,
    };
    if (statementAccess({ actor: principal, ...resource }) !== 'none') people.push(principal);
  }
  return { title: statement.title, people };
}

/**
 * Notifies every reader of the call's statement of `kind`. `at` must come from the event (see
 * NotificationStore.add); `eventId` makes a repeat of one event a no-op.
 */
export async function tell(input: { ports: CallPorts; call: ConsensusCall; kind: NotificationKind; at: number; eventId: string }): Promise<void> {
  const { ports, call, kind } = input;
  try {
    const audience = await readers({ ports, statementId: call.statementId });
    if (audience) {
      const notifications: Notification[] = audience.people.map((person) => ({
        userId: person.userId,
        eventId: input.eventId,
        kind,
        at: input.at,
        statementId: call.statementId,
        statementTitle: audience.title,
        callId: call.id,
        deadline: kind === 'call-closed' || kind === 'call-withdrawn' ? null : call.deadline,
        result: kind === 'call-closed' ? (call.outcome?.result ?? null) : null,
      }));
      await ports.notifications.add({ notifications });
    }
  } catch (error) {
    ports.log?.({ code: 'call.notify-failed', error });
  }
  await quietly(ports, 'call.live-notice-failed', () => ports.live.notify({ docId: call.statementId, notice: callNotice(kind, call.id) }));
}

/** Runs a side effect whose failure must not undo the act (logged). */
export async function quietly(ports: CallPorts, code: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    ports.log?.({ code, error });
  }
}
