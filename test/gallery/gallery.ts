/**
 * What the gallery shoots and where it writes: the roles, the four variants of each page, the
 * route a URL belongs to (so the crawl shoots each kind of page once, not every statement), and
 * the output folder.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const outDir = fileURLToPath(new URL('./out/', import.meta.url));
export const stateDir = join(outDir, '.state');

/** A visitor, then one demo account per role of the authorization matrix (`demo-accounts.ts`). */
export const galleryRoles = ['visitor', 'chair', 'secretariat', 'organisation lead', 'member', 'advisory', 'observer'] as const;
export type GalleryRole = (typeof galleryRoles)[number];

export interface Variant {
  name: string;
  locale: 'en' | 'ar';
  viewport: { width: number; height: number };
  phone: boolean;
}

export const variants: Variant[] = [
  { name: 'desktop-en', locale: 'en', viewport: { width: 1280, height: 800 }, phone: false },
  { name: 'desktop-ar', locale: 'ar', viewport: { width: 1280, height: 800 }, phone: false },
  { name: 'phone-en', locale: 'en', viewport: { width: 390, height: 844 }, phone: true },
  { name: 'phone-ar', locale: 'ar', viewport: { width: 390, height: 844 }, phone: true },
];

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'home';
}

/** Which segment after a fixed one is a parameter, as in `web/src/routes` (`[id]`, `[slug]`…). */
const parameters: Record<string, string> = {
  statements: ':id',
  declarations: ':slug',
  organisations: ':id',
  invite: ':token',
  reset: ':token',
  translations: ':lang',
};
/** Fixed segments in a parameter's place (`/statements/new`). */
const fixed = new Set(['new']);

/** The route of a path: `/statements/01J…/versions` → `/statements/:id/versions`. */
export function routeOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const route = parts.map((part, i) => {
    const parameter = i > 0 ? parameters[parts[i - 1]!] : undefined;
    return parameter && !fixed.has(part) ? parameter : part;
  });
  return `/${route.join('/')}`;
}

/** A statement and a declaration are shot twice (two texts, two scripts); other routes once. */
export function timesToShoot(route: string): number {
  return route === '/statements/:id' || route === '/declarations/:slug' ? 2 : 1;
}

export interface Shot {
  route: string;
  url: string;
  status: number;
  files: Record<string, string>;
  consoleErrors: string[];
}

export interface RoleManifest {
  role: GalleryRole;
  who: string;
  shots: Shot[];
}
