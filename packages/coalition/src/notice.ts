/**
 * The coalition's notice for consensus calls (issue 13): the chair and the secretariat set the
 * minimum hours per procedure; every change is audited with what it was and what it became.
 */
import { actEntry, authorize, checkNoticeSettings, fail, noticeOf, type Principal } from '@concord/core';
import { allowed } from './lookup.ts';
import type { CoalitionPorts } from './ports.ts';

type Ports = Pick<CoalitionPorts, 'directory' | 'audit'>;

/** Whole hours as typed; anything else is refused by the core check (`notice.hours-invalid`). */
const hoursOf = (value: string) => (/^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** Sets the notice; returns false when nothing changed. */
export async function setNotice(input: { ports: Ports; actor: Principal; silenceHours: string; explicitHours: string; now: number }): Promise<boolean> {
  const { ports, actor, now } = input;
  allowed(authorize({ actor, action: 'coalition.set-notice', coalitionId: actor.coalitionId }));
  const settings = checkNoticeSettings({ settings: { silenceHours: hoursOf(input.silenceHours), explicitHours: hoursOf(input.explicitHours) } });
  const coalition = await ports.directory.coalitions.get(actor.coalitionId);
  if (!coalition) throw fail.input('notice.coalition-missing', 'The coalition cannot be found.');
  const before = noticeOf(coalition);
  if (before.silenceHours === settings.silenceHours && before.explicitHours === settings.explicitHours) return false;
  await ports.directory.coalitions.put({ ...coalition, notice: settings });
  await ports.audit.append({
    entry: actEntry({
      actor,
      action: 'coalition.notice-changed',
      subject: { kind: 'coalition', id: coalition.id },
      details: { silenceHoursFrom: before.silenceHours, silenceHoursTo: settings.silenceHours, explicitHoursFrom: before.explicitHours, explicitHoursTo: settings.explicitHours },
      now,
    }),
  });
  return true;
}
