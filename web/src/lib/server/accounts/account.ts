/**
 * The signed-in person's own account (`@concord/accounts` account.ts) for the account page: its
 * refusals worded in the reader's language (area `accounts`), each session's device too.
 */
import * as accounts from '@concord/accounts';
import type { AccountOverview } from '@concord/accounts';
import { refusalsOf } from '../refusals.ts';
import { deviceLabel } from './session.ts';

export { formerDelegateName, type AccountOverview, type SessionView } from '@concord/accounts';

const { glued } = refusalsOf('accounts');

const overviewOf = glued(accounts.accountOverview);

/** Who the person is and their sessions, each device in the request's language. */
export async function accountOverview(input: Parameters<typeof overviewOf>[0]): Promise<AccountOverview> {
  const overview = await overviewOf(input);
  return { ...overview, sessions: overview.sessions.map((session) => ({ ...session, device: deviceLabel(session.device) })) };
}

/** Ends one of the person's other sessions and closes the connections made with it. */
export const revokeSession = glued(accounts.revokeSession);
/** Saves the interface language the person chose (null: follow the browser). */
export const chooseLanguage = glued(accounts.chooseLanguage);
/** Ends every session but this one; returns how many. */
export const signOutElsewhere = glued(accounts.signOutElsewhere);
/** Everything kept about the person, for a JSON download. */
export const exportAccount = glued(accounts.exportAccount);
/** Deletes the account after checking the password; the person stays as "Former delegate". */
export const deleteAccount = glued(accounts.deleteAccount);
