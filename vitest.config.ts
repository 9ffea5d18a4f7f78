import { defineConfig } from 'vitest/config';
import { sandboxAliases } from './vite.config.ts';

export default defineConfig({
  resolve: { alias: sandboxAliases },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
