/**
 * The people of an organisation (`@concord/coalition` people.ts), for its page's actions; the
 * invitation mail is worded here, in the language the inviter chose for the invitee.
 */
import * as coalition from '@concord/coalition';
import type { InvitationMail } from '@concord/coalition';
import type { WebContext } from '../context.ts';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { glued, managing } from './refusals.ts';

export { invitationLifetimeMs } from '@concord/coalition';

type Context = Pick<WebContext, 'directory' | 'accounts' | 'realtime' | 'audit' | 'invitations' | 'mailer' | 'sessions'>;

/**
 * Invites `email` to act for the organisation; mails the link (null `linkOrigin`: no trustworthy
 * origin, refused) in `locale`, the language the inviter chose for the invitee (by default the
 * inviter's own).
 */
export function invitePerson(input: Omit<Parameters<typeof coalition.invitePerson>[0], 'ports'> & { context: Context; locale?: Locale }): Promise<void> {
  const { context, locale, ...rest } = input;
  const invitationMail: InvitationMail = { send: (mail) => context.mailer.send(invitationMailIn({ ...mail, locale })) };
  return managing(() => coalition.invitePerson({ ports: { ...context, invitationMail }, ...rest }));
}

/** The invitation mail, in `locale` (the request's language when none is given). */
function invitationMailIn(input: Parameters<InvitationMail['send']>[0] & { locale: Locale | undefined }) {
  const options = input.locale ? { locale: input.locale } : {};
  const names = { inviter: input.actor.userName, inviterOrganisation: input.actor.organisationName, organisation: input.organisation.name };
  return {
    to: input.email,
    subject: m.mail_invite_subject({ organisation: input.organisation.name }, options),
    text: [
      input.lead ? m.mail_invite_intro_lead(names, options) : m.mail_invite_intro(names, options),
      '',
      m.mail_invite_accept(undefined, options),
      '',
      input.link,
      '',
      m.mail_invite_outro(undefined, options),
    ].join('\n'),
  };
}

export const cancelInvitation = glued(coalition.cancelInvitation);
/** Removes a delegate: they can no longer sign in; their sessions end and their editors close. */
export const removeDelegate = glued(coalition.removeDelegate);
/** Names (`lead` true) or unnames a delegate as their organisation's lead. */
export const setOrganisationLead = glued(coalition.setOrganisationLead);
/** Grants or revokes the secretariat role: the chair only. */
export const setSecretariat = glued(coalition.setSecretariat);
