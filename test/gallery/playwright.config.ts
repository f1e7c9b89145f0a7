import { defineConfig } from '@playwright/test';
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
  timeout: 20 * 60_000,
  projects: [
    { name: 'setup', testMatch: 'setup.gallery.ts' },
    { name: 'gallery', testMatch: 'pages.gallery.ts', dependencies: ['setup'] },
  ],
});
