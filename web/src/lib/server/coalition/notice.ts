/**
 * The coalition's notice for consensus calls (issue 13): the chair and the secretariat set the
 * minimum hours per procedure; every change is audited with what it was and what it became.
 */
import { authorize, checkNoticeSettings, isDomainError, noticeOf, type NoticeSettings, type Principal } from '@concord/core';
import { recordAct } from '../audit.ts';
import type { WebContext } from '../context.ts';
import { invalid } from '../forms.ts';
import { enforce } from '../guard.ts';
import { m } from '../../paraglide/messages.js';

type Context = Pick<WebContext, 'directory' | 'audit'>;

/** Whole hours as typed; anything else is refused by the core check. */
const hoursOf = (value: string) => (/^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** Sets the notice; returns false when nothing changed. */
export async function setNotice(input: { context: Context; actor: Principal; silenceHours: string; explicitHours: string; now: number }): Promise<boolean> {
  const { context, actor, now } = input;
  enforce(authorize({ actor, action: 'coalition.set-notice', coalitionId: actor.coalitionId }));
  let settings: NoticeSettings;
  try {
    settings = checkNoticeSettings({ settings: { silenceHours: hoursOf(input.silenceHours), explicitHours: hoursOf(input.explicitHours) } });
  } catch (caught) {
    if (isDomainError(caught) && caught.code === 'notice.hours-invalid') throw invalid({ field: 'notice', message: m.coalition_notice_invalid() });
    throw caught;
  }
  const coalition = await context.directory.coalitions.get(actor.coalitionId);
  if (!coalition) throw invalid({ message: m.coalition_notice_invalid() });
  const before = noticeOf(coalition);
  if (before.silenceHours === settings.silenceHours && before.explicitHours === settings.explicitHours) return false;
  await context.directory.coalitions.put({ ...coalition, notice: settings });
  await recordAct({
    audit: context.audit,
    actor,
    action: 'coalition.notice-changed',
    subject: { kind: 'coalition', id: coalition.id },
    details: { silenceHoursFrom: before.silenceHours, silenceHoursTo: settings.silenceHours, explicitHoursFrom: before.explicitHours, explicitHoursTo: settings.explicitHours },
    now,
  });
  return true;
}
