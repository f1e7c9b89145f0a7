/**
 * A connection's identity as API Gateway carries it: the `$connect` authorizer returns it as its
 * `context`, and API Gateway hands that context to every later event of the connection
 * (`requestContext.authorizer`, documented as `$context.authorizer.<property>`). The local gateway
 * does the same. Context values must be strings, numbers or booleans, so the principal travels
 * as JSON; decoding is strict — a context that does not read back is treated as absent.
 */
import type { Principal } from '@concord/core';
import type { ConnectionContext } from '@concord/sync';

export type AuthorizerContext = Record<string, string | number | boolean>;

export function encodeConnectionContext(context: ConnectionContext): AuthorizerContext {
  return {
    docId: context.docId,
    access: context.access,
    sessionId: context.sessionId ?? '',
    connectedAt: context.connectedAt,
    principal: JSON.stringify(context.principal),
  };
}

/**
 * Contexts already read, by the object the gateway hands over: the local gateway passes one
 * object for a connection's every frame (read twice a frame: its budget, then its message), so
 * the principal's JSON is parsed once a connection. Lambda's events are new objects each time.
 */
const decoded = new WeakMap<object, Readonly<ConnectionContext> | null>();

export function decodeConnectionContext(value: unknown): Readonly<ConnectionContext> | null {
  if (typeof value !== 'object' || value === null) return null;
  const known = decoded.get(value);
  if (known !== undefined) return known;
  const context = readConnectionContext(value);
  const answer = context && Object.freeze({ ...context, principal: Object.freeze(context.principal) });
  decoded.set(value, answer);
  return answer;
}

function readConnectionContext(value: object): ConnectionContext | null {
  const fields = value as Record<string, unknown>;
  const { docId, access, sessionId } = fields;
  // API Gateway may hand numbers back as strings.
  const connectedAt = Number(fields.connectedAt);
  if (typeof docId !== 'string' || (access !== 'read' && access !== 'write') || typeof sessionId !== 'string') return null;
  if (!Number.isFinite(connectedAt)) return null;
  const principal = parsePrincipal(fields.principal);
  return principal ? { docId, access, sessionId: sessionId || null, connectedAt, principal } : null;
}

function parsePrincipal(value: unknown): Principal | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as Partial<Principal>;
    const strings = [parsed.userId, parsed.userName, parsed.organisationId, parsed.organisationName, parsed.coalitionId, parsed.tier];
    if (strings.some((s) => typeof s !== 'string') || typeof parsed.isChair !== 'boolean' || !Array.isArray(parsed.roles)) return null;
    return parsed as Principal;
  } catch {
    return null;
  }
}
