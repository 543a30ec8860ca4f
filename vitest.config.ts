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
