import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launch, screenshot } from './browser';
import { sampleRecord } from '../unit/run/fixtures';

// Every page at phone widths: nothing may widen the page past the screen (no sideways scroll).

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The page's scroll width, and the innermost elements that reach past the screen's right edge. */
function overflow(page: Page, width: number): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate((w) => {
    const wide: string[] = [];
    /** Inside a box that scrolls or clips sideways (a wide table), reaching past the edge is fine. */
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      if (clipped(el)) continue;
      const r = el.getBoundingClientRect();
      const childWide = [...el.children].some((c) => c.getBoundingClientRect().right > w + 1);
      if (r.width > 0 && r.right > w + 1 && !childWide)
        wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} [${el.getAttribute('data-testid') ?? ''}] right=${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 8) };
  }, width);
}

describe('phone widths', () => {
  for (const width of [360, 390]) {
    it(`fits every page in ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(appUrl('#/runs'));
      await page.waitForFunction(() => typeof (window as unknown as { cwmPlayground?: { importRun?: unknown } }).cwmPlayground?.importRun === 'function');
      await page.evaluate((r) => (window as unknown as { cwmPlayground: { importRun(r: unknown): Promise<string> } }).cwmPlayground.importRun(r), sampleRecord() as never);
      const pages: Array<[string, string, string]> = [
        ['#/', 'gallery', '[data-testid="env-card"]'],
        ['#/env/cartpole', 'env', '[data-testid="start-run"]'],
        ['#/runs', 'runs', '[data-testid="run-row"]'],
        ['#/custom', 'custom', 'main'],
        ['#/bench', 'bench', 'main'],
      ];
      for (const [hash, name, ready] of pages) {
        await page.goto(appUrl(hash));
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(300); // fonts and lazy parts settle (no assertion depends on time)
        const { scrollWidth, wide } = await overflow(page, width);
        expect({ name, scrollWidth, wide }).toEqual({ name, scrollWidth: width, wide: [] });
        if (width === 390) await screenshot(page, `narrow-${name}-390`);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
