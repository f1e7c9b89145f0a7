/**
 * The scheduled work of consensus calls, run by the local host's timer and by the Lambda an SST
 * Cron invokes: close every call whose deadline passed (the store closes each once, however many
 * schedulers race), and send the reminder 24 hours before a deadline (once, `markReminded`).
 * `now` is an input: the tests move time, production passes the clock.
 */
import { isDue, remindersDue } from '@concord/core';
import { afterClose } from './closing.ts';
import { tell } from './notices.ts';
import type { CallPorts } from './ports.ts';
import { afterWithdrawal } from './service.ts';

const dayMs = 24 * 3_600_000;
/**
 * A call closed or withdrawn this long ago and still on the due list had its follow-up cut short
 * (a crash between the store's write and the thaw and notices): the scheduler finishes it. Sooner,
 * whoever closed it is most likely still at work (finishing twice would audit twice).
 */
export const unsettledAfterMs = 5 * 60_000;

export interface SchedulerRun {
  /** Calls this run closed (not those another scheduler closed first). */
  closed: string[];
  reminded: string[];
  /** Closes and withdrawals finished after being cut short. */
  recovered: string[];
  failed: number;
}

export async function runCallScheduler(input: { ports: CallPorts; now: number }): Promise<SchedulerRun> {
  const { ports, now } = input;
  const run: SchedulerRun = { closed: [], reminded: [], recovered: [], failed: 0 };
  // Everything open with a deadline within a day: due ones close, the others may need a reminder.
  const ids = await ports.calls.listDue({ now: now + dayMs });
  for (const callId of ids) {
    try {
      const call = await ports.calls.get(callId);
      if (!call) continue;
      if (call.status === 'closed' && (call.closedAt ?? now) <= now - unsettledAfterMs) {
        const closed = await ports.calls.closed({ callId });
        // Finished by the system: the audit entry names no person.
        if (closed) await afterClose({ ports, call: closed, actor: null });
        run.recovered.push(callId);
        continue;
      }
      if (call.status === 'withdrawn' && (call.withdrawnAt ?? now) <= now - unsettledAfterMs) {
        await afterWithdrawal({ ports, call });
        run.recovered.push(callId);
        continue;
      }
      if (call.status !== 'open') continue;
      if (isDue({ call, now })) {
        const closed = await ports.calls.close({ callId, by: null, now });
        if (closed) {
          await afterClose({ ports, call: closed, actor: null });
          run.closed.push(callId);
        }
        continue;
      }
      for (const reminder of remindersDue({ call, now, sent: call.reminders })) {
        if (await ports.calls.markReminded({ callId, reminder })) {
          await tell({ ports, call, kind: 'call-reminder', at: Math.max(call.openedAt, call.deadline - dayMs), eventId: `${callId}:${reminder}` });
          run.reminded.push(callId);
        }
      }
    } catch (error) {
      run.failed += 1;
      ports.log?.({ code: 'call.scheduler-failed', error });
    }
  }
  return run;
}
