/**
 * The chair's side of a declaration (`/statements/[id]/publication`): whether it can be
 * published, the declaration once it is, and every endorsement to verify. Reading needs
 * `statement.read` (hidden drafts: 404); what may be done comes from the policy.
 */
import { authorize, fail, instantOf, isKnownTimeZone, type Principal } from '@concord/core';
import type { PublicationPorts } from '@concord/publication/ports';
import { adoptedCall, authorizedFor } from '@concord/publication';
import { textField } from '../forms.ts';

export async function managementPage(input: { ports: PublicationPorts; actor: Principal; statementId: string }) {
  const { ports, actor } = input;
  const resource = await authorizedFor({ ...input, action: 'statement.read' });
  const can = (action: 'statement.publish' | 'publication.withdraw' | 'signon.manage') => authorize({ actor, action, ...resource }).allow;
  const publication = await ports.publications.record(resource.statement.id);
  const call = publication ? null : await adoptedCall({ ports, statementId: resource.statement.id });
  const manages = can('signon.manage');
  const endorsements = publication && manages ? await ports.publications.endorsements(resource.statement.id) : [];
  return {
    statement: { id: resource.statement.id, title: resource.statement.title },
    publication,
    adopted: call ? { version: call.version, closedAt: call.closedAt } : null,
    can: { publish: can('statement.publish'), withdraw: can('publication.withdraw'), manage: manages },
    // Contacts are for verifying: shown to those who verify, never on the public page.
    pending: endorsements.filter((e) => e.status === 'pending'),
    verified: endorsements.filter((e) => e.status === 'verified').length,
  };
}

/** The end of a sign-on window: the end of the given day (23:59) in the given zone. */
export function readSignOnEnd(form: FormData): number {
  const date = textField(form, 'date', 10);
  const timeZone = textField(form, 'timeZone', 64) || 'UTC';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fail.input('input.date', 'Give the end date.');
  if (!isKnownTimeZone(timeZone)) throw fail.input('input.date', 'Give the end date.');
  return instantOf({ date, time: '23:59', timeZone });
}
