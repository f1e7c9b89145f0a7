import { realtime } from './realtime.ts';
import { secretKey } from './secrets.ts';
import { table } from './storage.ts';

/**
 * Consensus calls close at their deadline even when nobody has a page open: every minute a
 * Lambda closes the calls due (each exactly once, however runs overlap) and sends the 24-hour
 * reminders. The local host runs the same code on a timer (functions/src/local/call-timer.ts).
 * Linked to the WebSocket API to tell open editors (and evict them when a text thaws).
 */
export const callScheduler = new sst.aws.Cron('CallScheduler', {
  schedule: 'rate(1 minute)',
  function: {
    handler: 'functions/src/scheduler-lambda.handler',
    runtime: 'nodejs22.x',
    timeout: '50 seconds',
    link: [table, realtime],
    environment: { CONCORD_TABLE: table.name, CONCORD_WS_MANAGEMENT_URL: realtime.managementEndpoint, CONCORD_SECRET_KEY: secretKey.value },
  },
});
