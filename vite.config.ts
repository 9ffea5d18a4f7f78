import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The self-contained (UMD) builds of SES and acorn, which the sandbox's classic workers load as
// text. Their packages do not export these files, so they are found next to the exported entry.
const require = createRequire(import.meta.url);
const sesUmd = join(dirname(require.resolve('ses')), 'ses.umd.min.js');
const acornUmd = require.resolve('acorn');

/** Aliases for `ses-umd?raw` and `acorn-umd?raw`; the test configs use them too. */
export const sandboxAliases = [
  { find: /^ses-umd(?=\?)/, replacement: sesUmd },
  { find: /^acorn-umd(?=\?)/, replacement: acornUmd },
];

// Relative base so the built site works from any static server and any sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  resolve: { alias: sandboxAliases },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  server: { port: 5173 },
});
