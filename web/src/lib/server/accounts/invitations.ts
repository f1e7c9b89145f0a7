/**
 * Accepting an invitation (`@concord/accounts` invitations.ts) from the invitation page: the new
 * session's token goes into the browser's cookie; refusals are worded in the reader's language.
 */
import * as accounts from '@concord/accounts';
import type { Cookies } from '@sveltejs/kit';
import { refusalsOf } from '../refusals.ts';
import { cookieFor } from './session.ts';

export type { InvitationView } from '@concord/accounts';

const { glued, managing } = refusalsOf('accounts');

/** What the invitation page shows, or null for a link that does not work (whatever the reason). */
export const describeInvitation = glued(accounts.describeInvitation);

type Acceptance = Parameters<typeof accounts.acceptInvitation>[0];

/** Takes the invitation, makes the person and their account, and signs them in here. */
export async function acceptInvitation(input: Omit<Acceptance, 'ports'> & { context: Acceptance['ports']; cookies: Cookies; secure: boolean }): Promise<{ twoFactorRequired: boolean }> {
  const { context, cookies, secure, ...rest } = input;
  const { started, twoFactorRequired } = await managing(() => accounts.acceptInvitation({ ...rest, ports: context }));
  cookieFor({ cookies, secure, started });
  return { twoFactorRequired };
}
