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
