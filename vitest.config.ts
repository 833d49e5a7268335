import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Four suites: unit (pure + plain-Node services with real SQLite), integration
// (real Heat/Keystone on loopback, started by test/cloud), e2e (Debian's
// Chromium against `npm run web`), electron (the real desktop window, where
// the Electron binary runs; skipped with the reason printed elsewhere). Each
// runs on its own so CI can order them.
export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        // Generous per-test time: CI has 2 cores, and tests that spawn the CLI or
        // load electron-builder's validator take seconds when the machine is busy.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
