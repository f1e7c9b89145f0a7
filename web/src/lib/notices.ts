/** What a page says after a successful form post; the action redirects with `?done=<code>`. */
const notices: Record<string, string> = {
  'password-reset': 'Your password is changed and every session ended. Sign in with your new password.',
  'reset-sent': 'If an account uses this address, we sent it a link to choose a new password. It works for an hour.',
  'session-revoked': 'That session is ended. The browser using it is signed out.',
  'signed-out-elsewhere': 'Every other session is ended.',
  'two-factor-on': 'Two-factor is on. From now on you type a code from your app when you sign in.',
  'two-factor-off': 'Two-factor is off.',
  'organisation-added': 'The organisation is added.',
  'organisation-changed': 'The organisation is changed. Its delegates’ access follows at once.',
  'chair-handed': 'The chair is handed on.',
  'task-force-created': 'The task force is created.',
  'task-force-changed': 'The task force is changed. Open drafts shared with it reconnect with the new access.',
  'task-force-deleted': 'The task force is deleted.',
  invited: 'The invitation is sent. The link works for seven days.',
  'invitation-cancelled': 'The invitation is cancelled: its link no longer works.',
  removed: 'The delegate is removed: signed out everywhere, and they can no longer sign in.',
  'lead-changed': 'The organisation lead is changed.',
  'secretariat-changed': 'The secretariat role is changed.',
  'settings-saved': 'Sharing saved. Everyone with the draft open reconnects with their new access.',
  'settings-unchanged': 'Nothing changed.',
  'account-deleted': 'Your account is deleted. Thank you for your work.',
};

export function noticeFor(code: string | null): string | null {
  return code ? (notices[code] ?? null) : null;
}
