/** What a page says after a successful form post; the action redirects with `?done=<code>`. */
import { m } from './paraglide/messages.js';

const notices: Record<string, () => string> = {
  'password-reset': () => m.notice_password_reset(),
  'reset-sent': () => m.notice_reset_sent(),
  'session-revoked': () => m.notice_session_revoked(),
  'signed-out-elsewhere': () => m.notice_signed_out_elsewhere(),
  'two-factor-on': () => m.notice_two_factor_on(),
  'two-factor-off': () => m.notice_two_factor_off(),
  'organisation-added': () => m.notice_organisation_added(),
  'organisation-changed': () => m.notice_organisation_changed(),
  'chair-handed': () => m.notice_chair_handed(),
  'task-force-created': () => m.notice_task_force_created(),
  'task-force-changed': () => m.notice_task_force_changed(),
  'task-force-deleted': () => m.notice_task_force_deleted(),
  invited: () => m.notice_invited(),
  'invitation-cancelled': () => m.notice_invitation_cancelled(),
  removed: () => m.notice_removed(),
  'lead-changed': () => m.notice_lead_changed(),
  'secretariat-changed': () => m.notice_secretariat_changed(),
  'settings-saved': () => m.notice_settings_saved(),
  'settings-unchanged': () => m.notice_settings_unchanged(),
  'account-deleted': () => m.notice_account_deleted(),
  'language-saved': () => m.notice_language_saved(),
  'notice-saved': () => m.notice_call_notice_saved(),
};

/** The notice for a `?done=` code, in the request's language; null for none or an unknown code. */
export function noticeFor(code: string | null): string | null {
  return code ? (notices[code]?.() ?? null) : null;
}
