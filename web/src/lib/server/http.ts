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

/** The origin `next` is resolved against: any fixed one does, since only its path is kept. */
const redirectBase = 'http://concord.invalid';

/** Control characters (URL parsers drop tabs and newlines: `/\t/evil` becomes `//evil`), backslashes (read as `/`). */
const unsafeCharacter = /[\u0000-\u001F\u007F-\u009F\\]/;

/**
 * A path on this site to go to after signing in or choosing a language, or `fallback` for
 * anything that could lead elsewhere or break the `Location` header: not a string, longer than
 * 500, not starting with one `/`, a control character or backslash (also once percent-decoded,
 * so `%2F%09%2F` and `%5C` are refused too), or a URL that resolves to another origin. The
 * answer is the path as the URL parser normalised it, so what the browser follows is what was
 * checked.
 */
export function safeRedirectPath(input: { next: unknown; fallback: string }): string {
  const { next, fallback } = input;
  if (typeof next !== 'string' || next.length > 500) return fallback;
  for (const form of decodings(next)) {
    if (!form.startsWith('/') || form.startsWith('//') || unsafeCharacter.test(form)) return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, redirectBase);
  } catch {
    return fallback;
  }
  if (url.origin !== redirectBase) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `text` and its successive percent-decodings, until one stops changing or is malformed (a few rounds). */
function decodings(text: string): string[] {
  const forms = [text];
  for (let round = 0; round < 4; round += 1) {
    const last = forms[forms.length - 1] ?? text;
    let decoded: string;
    try {
      decoded = decodeURIComponent(last);
    } catch {
      break;
    }
    if (decoded === last) break;
    forms.push(decoded);
  }
  return forms;
}
