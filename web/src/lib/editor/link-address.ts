/**
 * What a delegate types in the editor's link dialog, turned into an address the schema accepts
 * (`isSafeHref`: http, https, mailto) or a reason it is refused. People type addresses the way
 * they read them ("example.org", "name@example.org"), so a missing scheme is supplied; an
 * explicit one is never changed, so `javascript:` is refused, not "repaired".
 */
import { isSafeHref } from '@concord/text/links';

export type LinkAddress =
  | { ok: true; href: string }
  /** `empty`: nothing typed; `unsafe`: a scheme other than http, https, mailto; `malformed`: not an address. */
  | { ok: false; reason: 'empty' | 'unsafe' | 'malformed' };

/** `scheme:` at the start, unless what follows the colon is a port ("localhost:8080"). */
const explicitScheme = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;
const emailAddress = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
/** A host name as people type one: at least one dot, or localhost, before any path. */
const bareHost = /^(?:[^\s/?#@]+\.[^\s/?#@.]+|localhost)(?::\d+)?(?:[/?#]|$)/i;

/** Normalises a typed address: trims it, assumes `https://` (or `mailto:` for an e-mail address). */
export function normaliseLinkAddress(input: { typed: string }): LinkAddress {
  const typed = input.typed.trim();
  if (typed.length === 0) return { ok: false, reason: 'empty' };
  const scheme = explicitScheme.exec(typed)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!['http', 'https', 'mailto'].includes(scheme)) return { ok: false, reason: 'unsafe' };
    return isSafeHref(typed) ? { ok: true, href: typed } : { ok: false, reason: 'malformed' };
  }
  const candidate = typed.startsWith('//')
    ? `https:${typed}`
    : emailAddress.test(typed)
      ? `mailto:${typed}`
      : bareHost.test(typed)
        ? `https://${typed}`
        : null;
  return candidate !== null && isSafeHref(candidate) ? { ok: true, href: candidate } : { ok: false, reason: 'malformed' };
}
