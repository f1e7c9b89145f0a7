import { table } from './storage.ts';
import { realtime } from './realtime.ts';

/** The SvelteKit app; it issues tickets and points browsers at the WebSocket API. */
export const web = new sst.aws.SvelteKit('Web', {
  path: 'web',
  link: [table, realtime],
  environment: { CONCORD_TABLE: table.name, CONCORD_WS_URL: realtime.url },
});
