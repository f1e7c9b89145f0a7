import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Both projects run with `isolate: false`: one module graph per worker, not per file.
    // Importing the workspace anew for each of ~190 files cost more than the tests themselves
    // (unit: 122 s → 34 s). Tests therefore must not lean on module state another file left
    // behind; each builds its own stores and hosts.
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/gallery/**/*.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
