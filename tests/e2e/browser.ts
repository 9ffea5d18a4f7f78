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

/** Saves a screenshot under tests/e2e/screenshots/ (committed, so they can be looked at). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resolve(import.meta.dirname, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
