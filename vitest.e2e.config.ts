import { defineConfig } from 'vitest/config';
import { sandboxAliases } from './vite.config.ts';

// Browser tests: the built app (dist/) is served by a static server started in globalSetup and
// driven by playwright-core in Debian's Chromium. Files run one at a time (2-core machines).
export default defineConfig({
  resolve: { alias: sandboxAliases },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
