/**
 * `npm run bench:ui`: builds the app, then prints
 *  1. the initial bundle: the JS and CSS that index.html loads (raw and gzip), and every file the
 *     gallery actually requests on first load in Chromium, flagging heavy chunks (WebLLM,
 *     CodeMirror, d3) that must not be among them;
 *  2. the tree view's frame time while zooming with 2,000 and 5,000 synthetic nodes (ui-tree.ts).
 * Figures are printed, not asserted: a benchmark, not a timed test.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/browser';
import { serveStatic } from '../e2e/static-server';
import { benchTree } from './ui-tree';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist');

/** Text that only appears in a heavy library's code, to recognise a chunk whatever its name. */
const HEAVY: Record<string, RegExp> = {
  WebLLM: /MLCEngine|@mlc-ai\/web-llm|tvmjs/,
  CodeMirror: /cm-editor|EditorView\b.*dispatch|@codemirror/,
  'd3-zoom': /d3-zoom|zoomIdentity|__zoom/,
};

interface Asset {
  file: string;
  raw: number;
  gzip: number;
  heavy: string[];
}

function asset(file: string): Asset {
  const bytes = readFileSync(resolve(dist, file));
  const text = bytes.toString('utf8');
  const heavy = Object.entries(HEAVY)
    .filter(([, pattern]) => pattern.test(text))
    .map(([name]) => name);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, heavy };
}

/** The JS and CSS that index.html references directly (entry, modulepreloads, stylesheets). */
function htmlAssets(): Asset[] {
  const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map(asset);
}

/** Every dist file the gallery requests in Chromium until the network settles. */
async function requestedOnLoad(): Promise<Asset[]> {
  const { server, url } = await serveStatic(dist);
  const browser = await launch();
  const files: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname.replace(/^\//, '');
      if (path.startsWith('assets/')) files.push(path);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(2000); // the cards load their dataset counts once they are on screen
  } finally {
    await browser.close();
    server.close();
  }
  return [...new Set(files)].map(asset);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function table(title: string, assets: Asset[]): void {
  console.log(`\n${title}`);
  for (const a of assets) {
    const flag = a.heavy.length ? `  <-- contains ${a.heavy.join(', ')}` : '';
    console.log(`  ${basename(a.file).padEnd(44)} ${kb(a.raw).padStart(10)} ${kb(a.gzip).padStart(10)} gzip${flag}`);
  }
  const sum = (ext: string, key: 'raw' | 'gzip') => assets.filter((a) => a.file.endsWith(ext)).reduce((s, a) => s + a[key], 0);
  console.log(`  total JS  ${kb(sum('.js', 'raw'))} (gzip ${kb(sum('.js', 'gzip'))}), CSS ${kb(sum('.css', 'raw'))} (gzip ${kb(sum('.css', 'gzip'))})`);
}

console.log('Building the app (vite build)…');
execFileSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
console.log(`dist/index.html ${kb(statSync(resolve(dist, 'index.html')).size)}`);

const initial = htmlAssets();
table('Initial bundle (referenced by index.html):', initial);

const loaded = await requestedOnLoad();
const code = loaded.filter((a) => /\.(js|css)$/.test(a.file) && !/\/(cwmb|recorded|frozenlake-[^/]*)-[^/]+\.js$/.test(a.file));
const data = loaded.filter((a) => !code.includes(a));
table('Code the gallery requests on first load (Chromium, until the network is idle):', code);
console.log(`\nDataset chunks fetched lazily for the card counts: ${data.length} files, ${kb(data.reduce((s, a) => s + a.gzip, 0))} gzip`);
const heavy = loaded.filter((a) => a.heavy.length);
console.log(heavy.length ? `\nHEAVY CHUNKS ON FIRST LOAD: ${heavy.map((a) => `${a.file} (${a.heavy.join(', ')})`).join('; ')}` : '\nNo WebLLM, CodeMirror or d3-zoom code is fetched on first load.');

console.log('\nTree view frame time while zooming (headless Chromium, software rendering):');
for (const size of [2000, 5000]) {
  try {
    for (const r of await benchTree({ distDir: dist, sizes: [size] })) {
      console.log(`  ${String(r.nodes).padStart(5)} nodes (${r.mode}): ${r.frames} frames, mean ${r.meanFrameMs} ms, p95 ${r.p95FrameMs} ms, max ${r.maxFrameMs} ms`);
    }
  } catch (e) {
    console.log(`  ${String(size).padStart(5)} nodes: not measured (${(e as Error).message.split('\n')[0]})`);
  }
}
