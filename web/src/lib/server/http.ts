/** HTTP mapping of domain errors and small request guards, in one place for the web adapter. */
import type { ErrorKind } from '@concord/core';

const statusByKind = {
  input: 400,
  auth: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
} as const satisfies Record<ErrorKind, number>;

/** The HTTP status for a DomainError kind. */
export function statusForErrorKind(kind: ErrorKind): number {
  return statusByKind[kind];
}

/**
 * Whether a state-changing request comes from this site. SvelteKit checks the origin of form
 * posts itself; JSON endpoints call this. A request without an Origin header (same-origin
 * navigation in some browsers, server-to-server) is accepted: the SameSite cookie still applies.
 */
export function isSameOrigin(input: { origin: string | null; url: URL }): boolean {
  return input.origin === null || input.origin === input.url.origin;
}

/**
 * Headers every response carries, beside the Content-Security-Policy that SvelteKit writes from
 * `kit.csp` (it adds nonces for its own inline script).
 */
export function securityHeaders(input: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
  if (input.https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** A local path to go to after a form post, or `fallback` for anything that could leave the site. */
export function safeRedirectPath(input: { next: unknown; fallback: string }): string {
  const { next, fallback } = input;
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  return next.length <= 500 ? next : fallback;
}
