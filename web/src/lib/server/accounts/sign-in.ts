/**
 * Checking a password and a two-factor code (`@concord/accounts` sign-in.ts), with the web's
 * context as the package's ports; their answers are kinds, not refusals, worded by the pages.
 */
import * as accounts from '@concord/accounts';
import { refusalsOf } from '../refusals.ts';

export { minutesFrom } from '../error-messages.ts';
export type { CodeCheck, PasswordCheck } from '@concord/accounts';

const { glued } = refusalsOf('accounts');

export const checkPassword = glued(accounts.checkPassword);
export const checkTwoFactorCode = glued(accounts.checkTwoFactorCode);
