import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests run with `isolate: false`: one module graph per worker, not per file. Importing
    // the workspace anew for each of ~130 files cost more than the tests themselves (122 s →
    // 28–34 s); they must not lean on module state another file left behind. Integration files
    // keep a process each: they start hosts, workers and stores on reused ports, and a client or
    // timer one file leaves behind must not reach the next file's store (a host's close hung).
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
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
