import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in Node (happy-dom/linkedom, fake-indexeddb) and is fast;
// `e2e` drives Debian's real Chromium with the built extension and runs files one at a time
// because each one launches a browser on a 2-core machine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          // A hang guard, not a speed check (benches measure speed): on a loaded 2-core CI
          // machine a 50,000-deep page or a CLI spawn took over vitest's default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
