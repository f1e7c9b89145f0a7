import type { Principal } from '@concord/core';

// SvelteKit's app types are declared in the global `App` namespace by convention.
declare global {
  namespace App {
    interface Locals {
      /** Who is acting, resolved in hooks.server.ts; null when nobody is (demo cookie unset). */
      principal: Principal | null;
    }
  }
}

export {};
