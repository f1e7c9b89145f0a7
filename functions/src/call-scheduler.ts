/**
 * The scheduled closing of consensus calls, for both hosts: the local host runs it on a timer
 * (`local/call-timer.ts`), AWS on an SST Cron (`infra/scheduler.ts` → `scheduler-lambda.ts`). The
 * logic is `@concord/data`'s `runCallScheduler`; this only wires its ports to the stores and to
 * the sync core (so open editors are told, and evicted when a text thaws).
 */
import { createConnectionRegistry, createRealtime } from '@concord/data';
import { runCallScheduler, type SchedulerRun } from '@concord/calls';
import { createCallPorts } from '@concord/data/call-wiring';
import type { createDynamoClient } from '@concord/data';

type DynamoDBDocumentClient = ReturnType<typeof createDynamoClient>;

/** The part of the sync core's handlers the scheduler needs. */
export interface SchedulerSync {
  evict(input: { connectionId: string; code: number; reason: string }): Promise<void>;
  notify(input: { docId: string; notice: string }): Promise<void>;
}

export type SchedulerLog = (entry: { level: 'info' | 'warn' | 'error'; code: string; message?: string; error?: unknown }) => void;

/** `auditKey`: the audit chain's key (`auditChainKey` of the server's secret key): closing a call is audited. */
export function createCallSchedule(input: { client: DynamoDBDocumentClient; tableName: string; sync: SchedulerSync; log: SchedulerLog; auditKey: Uint8Array }) {
  const store = { client: input.client, tableName: input.tableName };
  const connections = createConnectionRegistry(store);
  const realtime = createRealtime({ ...store, sync: input.sync, connections });
  const ports = createCallPorts({
    ...store,
    auditKey: input.auditKey,
    live: { evictDocument: realtime.evictDocument, notify: input.sync.notify },
    log: ({ code, error }) => input.log({ level: 'warn', code, error }),
  });
  return {
    /** One run at `now`: closes due calls (once, whoever races), sends due reminders. */
    async run(now: number): Promise<SchedulerRun> {
      const result = await runCallScheduler({ ports, now });
      if (result.closed.length || result.reminded.length || result.failed) {
        input.log({ level: result.failed ? 'warn' : 'info', code: 'calls.scheduled', message: JSON.stringify(result) });
      }
      return result;
    },
  };
}
