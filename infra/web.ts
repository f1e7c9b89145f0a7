import { email } from './email.ts';
import { realtime } from './realtime.ts';
import { publicUrl, secretKey } from './secrets.ts';
import { table } from './storage.ts';

/**
 * The SvelteKit app: pages, sign-in, tickets. Linked to the WebSocket API so it may close
 * connections whose access was revoked (management API), and to the mail identity.
 */
export const web = new sst.aws.SvelteKit('Web', {
  path: 'web',
  link: [table, realtime, email, secretKey],
  server: {
    runtime: 'nodejs22.x',
    // argon2 is a native module: installed for Lambda's platform rather than bundled.
    install: ['@node-rs/argon2'],
  },
  environment: {
    CONCORD_TABLE: table.name,
    CONCORD_WS_URL: realtime.url,
    CONCORD_WS_MANAGEMENT_URL: realtime.managementEndpoint,
    CONCORD_SECRET_KEY: secretKey.value,
    CONCORD_MAIL_FROM: email.sender,
    CONCORD_PUBLIC_URL: publicUrl.value,
  },
});
