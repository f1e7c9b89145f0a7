import type { Principal, Session } from '@concord/core';

// SvelteKit's app types are declared in the global `App` namespace by convention.
declare global {
  namespace App {
    interface Locals {
      /** Who is acting, resolved from the session in hooks.server.ts; null when signed out. */
      principal: Principal | null;
      /** The session behind the cookie, once fully signed in. */
      session: Session | null;
      /** The signed-in person's own account details the pages show. */
      account: { email: string; hasTwoFactor: boolean; locale: string | null } | null;
      /** Signed in with a password; the two-factor code is still owed (this half-session). */
      pendingTwoFactor: Session | null;
    }
  }
}

export {};
