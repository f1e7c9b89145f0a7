/**
 * Password reset by emailed link (`@concord/accounts` reset.ts): the mails worded here, in the
 * language the request is answered in (the requester's); refusals worded likewise.
 */
import * as accounts from '@concord/accounts';
import type { ResetMail } from '@concord/accounts';
import type { WebContext } from '../context.ts';
import { m } from '../../paraglide/messages.js';
import { refusalsOf } from '../refusals.ts';

export { nobodyUserId, resetLifetimeMs, type ResetRequest } from '@concord/accounts';

const { glued } = refusalsOf('accounts');

type Request = Omit<Parameters<typeof accounts.requestReset>[0], 'ports' | 'mail'> & { context: Parameters<typeof accounts.requestReset>[0]['ports'] & Pick<WebContext, 'mailer'> };

/** Mails a reset link, or a note that the address has no account: the same work either way. */
export function requestReset(input: Request): Promise<accounts.ResetRequest> {
  const { context, ...rest } = input;
  return accounts.requestReset({ ...rest, ports: context, mail: resetMail(context.mailer) });
}

function resetMail(mailer: WebContext['mailer']): ResetMail {
  return {
    sendLink: ({ email, name, link }) =>
      mailer.send({ to: email, subject: m.mail_reset_subject(), text: [m.mail_reset_greeting({ name }), '', m.mail_reset_intro(), '', link, '', m.mail_reset_outro()].join('\n') }),
    sendNoAccount: ({ email }) => mailer.send({ to: email, subject: m.mail_reset_subject(), text: [m.mail_reset_no_account(), '', m.mail_reset_no_account_outro()].join('\n') }),
  };
}

/** Whether a reset link still works (unknown, used or expired links do not). */
export const resetLinkWorks = glued(accounts.resetLinkWorks);
/** Sets the new password from a reset link; every session of the person ends. */
export const completeReset = glued(accounts.completeReset);
