/**
 * Mentions (issue 13.3): which organisations a comment on a draft may mention — those the draft
 * is shared with, checked here on the server and not only in the picker —, and telling the
 * mentioned organisations' active delegates, in the hub's notifications and by mail (the outbox
 * on a laptop), each in their own language (worded by the `wordMail` port: the web's messages).
 * Telling never fails the comment: it is stored already.
 */
import { checkMentions, mentionableOrganisations, type Organisation } from '@concord/core';
import type { Notification } from '@concord/calls/ports';
import type { Negotiating } from './access.ts';
import type { MentionFacts, MentionPorts, NegotiationPorts } from './ports.ts';

/** The organisations a comment on this statement may mention, sorted by name. */
export async function mentionable(input: { ports: Pick<NegotiationPorts, 'directory'>; who: Pick<Negotiating, 'statement' | 'taskForce'>; locale?: string }): Promise<Organisation[]> {
  const { statement, taskForce } = input.who;
  const organisations = await input.ports.directory.organisations.listByCoalition(statement.coalitionId);
  return mentionableOrganisations({ organisations, statement, taskForce, locale: input.locale });
}

/** Checks the mentions of a new message against the coalition and the draft's sharing. */
export async function checkedMentions(input: { ports: Pick<NegotiationPorts, 'directory'>; who: Negotiating; mentions: readonly string[] }): Promise<string[]> {
  if (input.mentions.length === 0) return [];
  const { ports, who } = input;
  const known = new Set((await ports.directory.organisations.listByCoalition(who.statement.coalitionId)).map((o) => o.id));
  const shared = new Set((await mentionable({ ports, who })).map((o) => o.id));
  return checkMentions({ mentions: input.mentions, known, shared });
}

/**
 * Tells the active delegates of each mentioned organisation (never the author); logs, never
 * throws. `linkOrigin`: where the mail's link points (the web's links.ts); null: no link.
 */
export async function tellMentioned(input: {
  ports: NegotiationPorts;
  who: Negotiating;
  message: { id: string; body: string; mentions: readonly string[]; at: number };
  linkOrigin: string | null;
}): Promise<void> {
  const { ports, who, message } = input;
  const mentions = ports.mentions;
  if (message.mentions.length === 0) return;
  try {
    const [users, organisations] = await Promise.all([
      ports.directory.users.listByCoalition(who.statement.coalitionId),
      ports.directory.organisations.listByCoalition(who.statement.coalitionId),
    ]);
    const author = organisations.find((o) => o.id === who.actor.organisationId)?.name ?? who.actor.organisationId;
    const told = users.filter((u) => u.status === 'active' && message.mentions.includes(u.organisationId) && u.id !== who.actor.userId);
    const base = { eventId: message.id, kind: 'mention', at: message.at, statementId: who.statement.id, statementTitle: who.statement.title, callId: '', deadline: null, result: null, mentionedBy: author } as const;
    await mentions.notifications.add({ notifications: told.map((user): Notification => ({ ...base, userId: user.id })) });
    for (const user of told) {
      const organisation = organisations.find((o) => o.id === user.organisationId)?.name ?? user.organisationId;
      await mailOne({ ports: mentions, linkOrigin: input.linkOrigin, userId: user.id, facts: { name: user.name, organisation, author, person: who.principal.userName, title: who.statement.title, body: message.body, statementId: who.statement.id } });
    }
  } catch (error) {
    mentions.log?.({ code: 'mention.notify-failed', error });
  }
}

async function mailOne(input: { ports: MentionPorts; linkOrigin: string | null; userId: string; facts: MentionFacts }) {
  const { ports, facts } = input;
  try {
    const account = await ports.accounts.get(input.userId);
    if (!account) return;
    const { subject, text } = ports.wordMail({ facts, locale: account.locale ?? null, linkOrigin: input.linkOrigin });
    await ports.mailer.send({ to: account.email, subject, text });
  } catch (error) {
    ports.log?.({ code: 'mention.mail-failed', error });
  }
}
