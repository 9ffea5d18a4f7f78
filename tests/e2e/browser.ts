import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Debian's Chromium; override with CHROMIUM_PATH where it lives elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

/** Launches headless Chromium; `webgpu` adds the software WebGPU adapter. */
export function launch(options: { webgpu?: boolean } = {}): Promise<Browser> {
  const args = options.webgpu ? [...BASE_ARGS, '--enable-unsafe-webgpu'] : BASE_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/** The URL of the built app served for this test run. */
export function appUrl(hash = ''): string {
  return inject('appUrl') + hash;
}

/** A fresh 1280×800 page; console errors are collected for assertions. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/**
 * Where screenshots go: test-results/screenshots/ (ignored by git) on an ordinary run, so `npm test`
 * leaves the working tree clean; the committed tests/e2e/screenshots/ only when asked for with
 * `UPDATE_SCREENSHOTS=1` (`npm run test:e2e:screenshots`).
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, 'screenshots') : resolve(import.meta.dirname, '../../test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `${name}.png`);
}

/** Saves a screenshot of the viewport (see `screenshotPath` for where). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = screenshotPath(name);
  await page.screenshot({ path: file });
  return file;
}
