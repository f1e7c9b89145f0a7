/**
 * Links in mail (invitations, password resets). The origin must not come from what a client
 * says: a forged Host header on an unauthenticated reset request would mail the victim a link to
 * the attacker's site, with the token in it. So the configured public URL wins; without one, the
 * request's own origin is used only for a loopback request (the local host on a laptop).
 */
import { isLoopbackAddress } from './outbox.ts';

export function mailLinkOrigin(input: { configured: string | undefined; requestOrigin: string; clientAddress: string }): string | null {
  if (input.configured) return new URL(input.configured).origin;
  return isLoopbackAddress(input.clientAddress) ? input.requestOrigin : null;
}

/**
 * Absolute links in public answers that shared caches keep (the Atom feed, the JSON API): from
 * the configured public URL, never from the request's `Host`, or one forged request would
 * poison the cached answer for every reader. Without a configured URL (a development server)
 * the request's own origin is used and `cacheable` is false: the answer is for that client only.
 */
export function publicLinkOrigin(input: { configured: string | undefined; requestOrigin: string }): { origin: string; cacheable: boolean } {
  if (input.configured) return { origin: new URL(input.configured).origin, cacheable: true };
  return { origin: input.requestOrigin, cacheable: false };
}

/** `cache-control` for a public answer: `shared` when `cacheable`, else for the one client. */
export function publicCacheControl(input: { cacheable: boolean; shared: string }): string {
  return input.cacheable ? input.shared : 'private, no-store';
}
