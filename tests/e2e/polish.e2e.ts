import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PAPER_RESULTS } from '../../src/core/bench/paper';
import { program } from '../fixtures/programs/index';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';
import { appUrl, launch, screenshot, screenshotPath } from './browser';
import { fencedAnswer } from './scripted-cartpole';
import { controlsWithoutName, focusWalk, lowContrastText, tabStops } from './polish-checks';

// The quality bar measured on the built app: no sideways scrolling from a projector to
// a wide screen, every control named, every env-view control reachable with Tab and showing a focus
// ring, readable text in both themes, and no page errors. The screenshots it writes are looked at.

const WRONG = program('search/cartpole-wrong.js');
const CORRECT = program('search/cartpole-correct.js');

let browser: Browser;
let fake: FakeServer;
let calls = 0;

beforeAll(async () => {
  browser = await launch();
  // Each scripted run asks twice: a wrong program first (so the tree branches), then the right one.
  fake = await startFakeOpenAi({ respond: () => ({ type: 'stream', text: fencedAnswer(calls++ % 2 === 0 ? WRONG : CORRECT), chunks: 5 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

async function open(size: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: size, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/** CartPole searched by GIF-MCTS with the scripted model to a correct program; the best node selected. */
async function scriptedRun(page: Page): Promise<void> {
  await page.goto(appUrl('#/env/cartpole'));
  await page.waitForSelector('[data-testid="provider-select"]');
  await page.selectOption('[data-testid="provider-select"]', 'openai');
  await page.fill('[data-testid="provider-base-url"]', fake.url);
  await page.fill('[data-testid="provider-model"]', 'scripted-model');
  await page.fill('[data-testid="run-budget"]', '6');
  await page.click('[data-testid="start-run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="best-score"]')?.textContent?.trim() === '1.000', null, { timeout: 60_000 });
  await page.click('[data-testid="tree-node"][data-score="1"]');
  await page.waitForSelector('[data-testid="code-editor"][data-ready="true"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="play-model"]');
  await page.waitForSelector('section.plan');
  // Park the pointer off the tree so no tooltip covers it.
  await page.mouse.move(2, 2);
}

describe('polish: layout, names, keyboard and themes', () => {
  it('a finished run on the env view: counts agree, nothing overflows, every control is named and reachable by Tab with a focus ring', async () => {
    const { context, page, errors } = await open({ width: 1280, height: 800 });
    await scriptedRun(page);

    // The tab badge and the tree toolbar count the same thing: programs, not the empty root.
    const programs = (await page.$$('[data-testid="tree-node"]:not([data-action="root"])')).length;
    expect(programs).toBe(2);
    expect((await page.textContent('[data-testid="tab-search-count"]'))?.trim()).toBe('2 programs');
    expect((await page.textContent('[data-testid="tree-count"]'))?.trim()).toBe('2 programs');

    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await controlsWithoutName(page)).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);

    // Tree and inspector together at the top of the page: the README screenshot.
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'app-run');
    await page.screenshot({ path: screenshotPath('polish-env-full'), fullPage: true });
    await page.locator('.synth-play').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => scrollBy(0, -70));
    await screenshot(page, 'polish-play-plan');

    // On each tab of the env view, Tab reaches every control, each with a visible, unclipped ring.
    for (const tab of ['search', 'world', 'data']) {
      await page.click(`[data-testid="tab-${tab}"]`);
      if (tab === 'data') await page.waitForSelector('[data-testid="dataset-row"]');
      const stops = await tabStops(page);
      expect(stops.length).toBeGreaterThan(20);
      // Twice round: the walk starts wherever the last click left the focus.
      const walk = await focusWalk(page, 2 * stops.length + 5);
      expect({ tab, missed: stops.filter((s) => !walk.reached.includes(s)) }).toEqual({ tab, missed: [] });
      expect({ tab, withoutRing: walk.withoutRing }).toEqual({ tab, withoutRing: [] });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the dark theme of the env view keeps text readable', async () => {
    const { context, page, errors } = await open({ width: 1280, height: 800 }, 'dark');
    await scriptedRun(page);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    // The page really is dark: the body background is near black.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 20, 25)');
    expect(await lowContrastText(page)).toEqual([]);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'polish-env-dark');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the benchmark page names the paper its reference numbers come from', async () => {
    const { context, page, errors } = await open({ width: 1280, height: 800 });
    await page.goto(appUrl('#/bench'));
    await page.waitForSelector('[data-testid="bench-table"]');
    const text = await page.textContent('main');
    expect(text).toContain(PAPER_RESULTS.source);
    expect(text).toContain('arXiv 2405.15383');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await controlsWithoutName(page)).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    await screenshot(page, 'polish-bench');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const size of [
    { width: 1024, height: 768, name: 'projector' },
    { width: 1920, height: 1080, name: 'wide' },
  ]) {
    it(`the gallery fits a ${size.width}×${size.height} (${size.name}) screen`, async () => {
      const { context, page, errors } = await open(size);
      await page.goto(appUrl());
      await page.waitForFunction(() => document.querySelector('[data-env-id="cartpole"]')?.textContent?.includes('402 transitions'), null, { timeout: 90_000 });
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      expect(await controlsWithoutName(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      // Every card is fully inside the viewport's width.
      const outside = await page.$$eval('[data-testid="env-card"]', (cards) => cards.filter((c) => c.getBoundingClientRect().right > innerWidth).map((c) => c.getAttribute('data-env-id')));
      expect(outside).toEqual([]);
      await screenshot(page, `polish-gallery-${size.width}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
