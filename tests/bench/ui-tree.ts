import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../e2e/browser';
import { serveStatic } from '../e2e/static-server';

/** Frame-time figures of the tree view while zooming, for one tree size. */
export interface TreeBenchResult {
  nodes: number;
  /** SVG below 5,000 nodes, canvas from there. */
  mode: 'svg' | 'canvas';
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
}

/** Options: the built site to serve (default `dist/`) and the tree sizes to measure. */
export interface TreeBenchOptions {
  distDir?: string;
  sizes?: number[];
  frames?: number;
}

/**
 * Opens the `#/tree-bench?n=N` page of the built app in headless Chromium, fits the synthetic tree,
 * then zooms in and out with one wheel event per animation frame and records the time between
 * frames (requestAnimationFrame deltas): what a user feels as smoothness.
 */
export async function benchTree(options: TreeBenchOptions = {}): Promise<TreeBenchResult[]> {
  const distDir = options.distDir ?? resolve(import.meta.dirname, '../../dist');
  const { server, url } = await serveStatic(distDir);
  const browser = await launch();
  const results: TreeBenchResult[] = [];
  try {
    for (const n of options.sizes ?? [2000, 5000]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${url}#/tree-bench?n=${n}`, { timeout: 120_000 });
      await page.waitForSelector(`[data-testid="tree-bench"][data-nodes="${n}"]`);
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid="tree-node"]').length === count, n);
      const mode = (await page.locator('[data-testid="tree-canvas"]').count()) ? 'canvas' : 'svg';
      const deltas = await zoomFrames(page, options.frames ?? 180);
      results.push({ nodes: n, mode, ...summarize(deltas) });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

/** Zooms around the viewport centre, one wheel event per frame, and returns the frame deltas. */
async function zoomFrames(page: Page, frames: number): Promise<number[]> {
  // A string, not a function: tsx's keepNames would inject a `__name` helper the page lacks.
  return page.evaluate(`(async () => {
    const target = document.querySelector('[data-testid="tree-viewport"]');
    const box = target.getBoundingClientRect();
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let i = 0; i < 10; i++) await frame(); // settle after load
    const deltas = [];
    let last = await frame();
    for (let i = 0; i < ${frames}; i++) {
      // In for the first half, out for the second: exercises label toggling both ways.
      const deltaY = i < ${frames} / 2 ? -60 : 60;
      target.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width / 2, clientY: box.top + box.height / 3, bubbles: true, cancelable: true }));
      const now = await frame();
      deltas.push(now - last);
      last = now;
    }
    return deltas;
  })()`) as Promise<number[]>;
}

function summarize(deltas: number[]): { frames: number; meanFrameMs: number; p95FrameMs: number; maxFrameMs: number } {
  const sorted = [...deltas].sort((a, b) => a - b);
  const mean = deltas.reduce((s, d) => s + d, 0) / deltas.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
  const round = (v: number) => Math.round(v * 100) / 100;
  return { frames: deltas.length, meanFrameMs: round(mean), p95FrameMs: round(p95), maxFrameMs: round(sorted[sorted.length - 1]) };
}

// `tsx tests/bench/ui-tree.ts [distDir]` prints the figures on its own; `npm run bench:ui` imports it.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const results = await benchTree({ distDir: process.argv[2] });
  for (const r of results) {
    console.log(`tree ${r.nodes} nodes (${r.mode}): mean frame ${r.meanFrameMs} ms, p95 ${r.p95FrameMs} ms, max ${r.maxFrameMs} ms over ${r.frames} zoom frames`);
  }
}
