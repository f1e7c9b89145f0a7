import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../../playwright.config.ts';

/**
 * `pnpm gallery`: screenshots of every page the crawl reaches, for every role, at desktop and
 * phone widths, in English and Arabic, on a fresh seeded host (the e2e suite's own). A proof to
 * look at, not a test: it fails only when a page cannot be reached or shot.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: '../../test-results/gallery',
  // The host runs from the repository's root, as in the e2e suite.
  webServer: { ...(base.webServer as object), cwd: fileURLToPath(new URL('../../', import.meta.url)) } as typeof base.webServer,
  timeout: 20 * 60_000,
  projects: [
    { name: 'setup', testMatch: 'setup.gallery.ts' },
    { name: 'gallery', testMatch: 'pages.gallery.ts', dependencies: ['setup'] },
  ],
});
