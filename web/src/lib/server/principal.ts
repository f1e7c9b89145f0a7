/**
 * Who is acting. Until sign-in lands the identity is a demo cookie naming a user; resolving it to
 * a Principal goes through here, so sign-in only replaces where the user id comes from.
 */
import type { Organisation, Principal, User } from '@concord/core';

/** Cookie holding the demo identity's user id (set on /demo). */
export const demoUserCookie = 'concord_demo_user';

/** Thirty days: long enough for a demo, short enough not to linger. */
const demoCookieMaxAge = 60 * 60 * 24 * 30;

/** A well-formed user id, or null for anything else (missing, oversized, odd characters). */
export function parseUserId(value: string | null | undefined): string | null {
  if (!value) return null;
  return /^[A-Za-z0-9_-]{1,80}$/.test(value) ? value : null;
}

/** Options for the demo cookie: not readable by scripts, not sent on cross-site posts. */
export function demoCookieOptions(input: { secure: boolean }) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: input.secure,
    maxAge: demoCookieMaxAge,
  } as const;
}

/** A principal for `user` acting for `organisation`; null when the two do not belong together. */
export function toPrincipal(input: { user: User; organisation: Organisation }): Principal | null {
  const { user, organisation } = input;
  if (user.organisationId !== organisation.id || user.coalitionId !== organisation.coalitionId) return null;
  return {
    userId: user.id,
    userName: user.name,
    organisationId: organisation.id,
    organisationName: organisation.name,
    coalitionId: organisation.coalitionId,
    tier: organisation.tier,
    isChair: organisation.isChair,
  };
}

/** Looks the user and their organisation up; null when either is unknown. */
export async function resolvePrincipal(input: {
  userId: string | null;
  findUser: (id: string) => Promise<User | null>;
  findOrganisation: (id: string) => Promise<Organisation | null>;
}): Promise<Principal | null> {
  if (!input.userId) return null;
  const user = await input.findUser(input.userId);
  if (!user) return null;
  const organisation = await input.findOrganisation(user.organisationId);
  return organisation ? toPrincipal({ user, organisation }) : null;
}
