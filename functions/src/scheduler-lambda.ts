/**
 * The Lambda an SST Cron invokes every minute (infra/scheduler.ts): closes consensus calls whose
 * deadline passed and sends reminders, with the same code as the local host's timer. Notices to
 * open editors go through the WebSocket API's management endpoint (`CONCORD_WS_MANAGEMENT_URL`).
 */
import { createDynamoClient, createManagementGateway } from '@concord/data';
import { createServerSync } from '@concord/hub';
import { auditChainKey } from '@concord/auth/audit-chain';
import { createCallSchedule } from './call-scheduler.ts';

const tableName = process.env.CONCORD_TABLE ?? 'concord';
const client = createDynamoClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined });
const log = (entry: object) => console.error(JSON.stringify(entry, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v)));
const endpoint = process.env.CONCORD_WS_MANAGEMENT_URL;
if (!endpoint) throw new Error('CONCORD_WS_MANAGEMENT_URL is not set');
const store = { client, tableName };
const sync = createServerSync({ ...store, gateway: createManagementGateway({ endpoint }), log });
const secretKey = process.env.CONCORD_SECRET_KEY;
if (!secretKey) throw new Error('CONCORD_SECRET_KEY is not set');
const schedule = createCallSchedule({ ...store, sync, log, auditKey: auditChainKey({ secretKeyBase64: secretKey }) });

export const handler = async () => schedule.run(Date.now());
