/**
 * The web server's composition root: the only place that reads the environment and builds the
 * clients. Everything else receives the ports (`ports.ts`) from here.
 *
 * Env: `DYNAMODB_ENDPOINT` (dynalite or another DynamoDB-compatible endpoint; unset on AWS),
 * `CONCORD_TABLE` (default `concord`), `CONCORD_WS_URL` (the WebSocket gateway; unset → the
 * client uses `ws(s)://<page host>/ws`), `CONCORD_WS_MANAGEMENT_URL` (API Gateway's management
 * endpoint, to close connections whose access was revoked), `CONCORD_SECRET_KEY` (32 bytes,
 * base64: encrypts TOTP keys and keys the audit chain), `CONCORD_OUTBOX_DIR` (local host: mail goes to files there) or
 * `CONCORD_MAIL_FROM` (AWS: mail goes through SES from this address), `CONCORD_PUBLIC_URL` (or
 * adapter-node's `ORIGIN`: the origin put in mailed links; unset → the request's own origin,
 * which only a loopback request may use, see `links.ts`). The local host sets all but the last
 * two before loading the built app.
 *
 * The parts every feature shares — the DynamoDB client, the document and version stores, the
 * sync handlers, the audit key — come from one `@concord/hub` context (`hub()`): the feature
 * contexts beside this file (calls, versions, translations, publication, exports) take theirs
 * from it and read no environment of their own.
 */
import { env } from '$env/dynamic/private';
import type { AccountStores } from '@concord/accounts';
import { createSecretBox, type SecretBox } from '@concord/auth';
import {
  createAccounts,
  createAttemptThrottle,
  createAuditLog,
  createDocumentActivity,
  createInvitations,
  createNegotiationStore,
  createOutboxMailer,
  createPasswordResets,
  createRateLimiter,
  createRepositories,
  createSesMailer,
  createSessions,
  createTickets,
} from '@concord/data';
import { createNotificationStore } from '@concord/data/notifications';
import { createHubContext, type HubContext } from '@concord/hub';
import type { NegotiationPorts } from '@concord/negotiation/ports';
import { newId } from './coalition/lookup.ts';
import { fixedBy } from './stage.ts';
import { stageReader } from './stage-context.ts';
import { mentionMail } from './negotiation/mention-mail.ts';
import { findAccessibleStatement } from './statements.ts';
import type { AuditLog, Directory, Documents, Mail, Mailer, Outbox, Realtime, Tickets } from './ports.ts';

/** What the pages and endpoints need, nothing more. */
export interface WebContext extends AccountStores {
  directory: Directory;
  /** Statement texts (creating a statement with initial text). */
  documents: Documents;
  audit: AuditLog;
  tickets: Tickets;
  realtime: Realtime;
  mailer: Mailer;
  /** The local outbox (operator page), or null when mail really goes out. */
  outbox: Outbox | null;
  secretBox: SecretBox;
  /** When each statement's text was last written (absent: never edited since it was created). */
  activity: { lastWritten(input: { docIds: readonly string[] }): Promise<Map<string, number>> };
  /** `CONCORD_WS_URL`, or undefined for the same-origin `/ws`. */
  gatewayUrl: string | undefined;
  /** `CONCORD_PUBLIC_URL` or `ORIGIN`: the origin of links in mail; undefined to use the request's. */
  publicUrl: string | undefined;
}

let shared: HubContext | undefined;
let context: Promise<WebContext> | undefined;
let negotiation: Promise<NegotiationPorts> | undefined;

/** The hub's shared parts, from this server's environment: one client, one document store, one set of sync handlers. */
export function hub(): HubContext {
  shared ??= createHubContext(env);
  return shared;
}

/** The context, built on first use (not at import: `vite build` imports server code). */
export function webContext(): Promise<WebContext> {
  context ??= buildContext();
  return context;
}

/** Comments, amendments and brackets (PROTOCOL.md §7): built on first use, like the context. */
export function negotiationPorts(): Promise<NegotiationPorts> {
  negotiation ??= webContext().then(({ directory, audit, accounts, mailer }) => {
    const { store, documents } = hub();
    return {
      statements: { accessible: (input) => findAccessibleStatement({ directory, ...input }) },
      directory,
      audit,
      mentions: { notifications: createNotificationStore(store), accounts, mailer, wordMail: mentionMail, log: ({ code, error }) => console.warn(`[concord] ${code}:`, error) },
      notes: createNegotiationStore(store),
      // An adopted text is fixed even without its freeze: accepting or settling refuses it too.
      texts: { load: documents.load, frozenBy: fixedBy({ frozenBy: documents.frozenBy, reader: stageReader }) },
      live: hub().sync(),
      now: Date.now,
      newId,
    };
  });
  return negotiation;
}

async function buildContext(): Promise<WebContext> {
  const { store, documents } = hub();
  const repositories = createRepositories(store);
  const { mailer, outbox } = mailFromEnv();
  return {
    directory: repositories,
    documents,
    accounts: createAccounts(store),
    sessions: createSessions(store),
    invitations: createInvitations(store),
    resets: createPasswordResets(store),
    rateLimiter: createRateLimiter(store),
    throttle: createAttemptThrottle(store),
    audit: createAuditLog({ ...store, key: hub().auditKey() }),
    tickets: createTickets(store),
    // Closing connections goes through the gateway's management API (the local host serves one too).
    realtime: hub().realtime(),
    mailer,
    outbox,
    secretBox: await createSecretBox({ keyBase64: hub().secretKey() }),
    activity: createDocumentActivity(store),
    gatewayUrl: env.CONCORD_WS_URL || undefined,
    publicUrl: configuredPublicUrl(),
  };
}

/** `CONCORD_PUBLIC_URL`, or adapter-node's `ORIGIN`: the origin of links in mail and public answers. */
export function configuredPublicUrl(): string | undefined {
  return env.CONCORD_PUBLIC_URL || env.ORIGIN || undefined;
}

function mailFromEnv(): { mailer: Mailer; outbox: Outbox | null } {
  if (env.CONCORD_OUTBOX_DIR) {
    const local = createOutboxMailer({ dir: env.CONCORD_OUTBOX_DIR });
    const mailer: Mailer = {
      async send(mail: Mail) {
        await local.send(mail);
        // No mail server on a laptop: the operator reads the outbox (and the link is printed).
        console.log(`[concord] mail to ${mail.to}: ${mail.subject}\n${mail.text.match(/https?:\/\/\S+/)?.[0] ?? ''}`);
      },
    };
    return { mailer, outbox: local };
  }
  return { mailer: createSesMailer({ from: required('CONCORD_MAIL_FROM') }), outbox: null };
}

function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
