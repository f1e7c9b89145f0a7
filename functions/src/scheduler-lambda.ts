/**
 * The Lambda an SST Cron invokes every minute (infra/scheduler.ts): closes consensus calls whose
 * deadline passed and sends reminders, with the same code as the local host's timer. Notices to
 * open editors go through the WebSocket API's management endpoint (`CONCORD_WS_MANAGEMENT_URL`);
 * the store, the sync handlers and the audit key come from the hub's context, as the web app's do.
 */
import { createHubContext } from '@concord/hub';
import { createCallSchedule } from './call-scheduler.ts';

const log = (entry: object) => console.error(JSON.stringify(entry, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v)));
const hub = createHubContext(process.env, { log });
// Read at cold start: a missing variable fails the deployment's first run, not a deadline.
const schedule = createCallSchedule({ ...hub.store, sync: hub.sync(), log, auditKey: hub.auditKey() });

export const handler = async () => schedule.run(Date.now());
