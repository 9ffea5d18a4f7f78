import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';
import { program } from '../fixtures/programs/index';
import { appUrl, launch, newPage, screenshot } from './browser';
import { fencedAnswer } from './scripted-cartpole';

// A search on slippery FrozenLake in the page: nodes are scored by the distributional score, and
// the inspector shows a node's sampled outcomes beside the recorded ones.

const PROGRAMS = [program('stochastic/frozenlake-intended.js'), program('stochastic/frozenlake-slippery.js')];
let browser: Browser;
let fake: FakeServer;

beforeAll(async () => {
  browser = await launch();
  fake = await startFakeOpenAi({ respond: (_request, index) => ({ type: 'stream', text: fencedAnswer(PROGRAMS[Math.min(index, 1)]), chunks: 3 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

describe('a stochastic world in the page', () => {
  it('scores nodes as distributions and shows a node outcome histogram beside the recording', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl('#/env/frozenlake-4x4-slippery'));
    await page.waitForSelector('[data-testid="env-description"]');
    await page.selectOption('[data-testid="provider-select"]', 'openai');
    await page.fill('[data-testid="provider-base-url"]', fake.url);
    await page.fill('[data-testid="provider-model"]', 'scripted-model');
    await page.fill('[data-testid="run-budget"]', '2');
    for (const calls of [1, 2]) {
      await page.click('[data-testid="step-run"]');
      await page.waitForFunction((n) => document.querySelector('[data-testid="calls-used"]')?.textContent?.trim() === String(n), calls, { timeout: 60_000 });
      await page.waitForSelector('[data-testid="step-run"]:not([disabled]), [data-testid="pause-run"]');
    }
    // The same figures as `cwm eval` in Node (seed 1, the run controls' default, here).
    const scores = await page.$$eval('[data-testid="tree-node"]', (els) => els.map((el) => [Number(el.getAttribute('data-node-id')), Number(el.getAttribute('data-score'))]));
    const byId = new Map(scores as [number, number][]);
    expect(byId.get(2)!).toBeGreaterThan(20 * byId.get(1)!);

    await page.locator('[data-testid="tree-node"][data-node-id="2"]').first().click();
    await page.locator('#inspector-tab-outcomes').click();
    await page.waitForSelector('[data-testid="outcome-row"]');
    const rows = await page.$$eval('[data-testid="outcome-row"]', (els) => els.map((el) => el.textContent?.replace(/\s+/g, ' ').trim()));
    // The most recorded pair: three possible cells, each drawn about a third of the time.
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(4);
    await screenshot(page, 'stochastic-outcomes');
    // The deterministic program puts all its mass on one outcome.
    await page.locator('[data-testid="tree-node"][data-node-id="1"]').first().click();
    await page.locator('#inspector-tab-outcomes').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="outcome-row"] td:first-of-type .num')].some((n) => n.textContent === '100%'));

    // Play the stochastic model: each episode's draws come from a seed the page shows.
    await page.locator('[data-testid="tree-node"][data-node-id="2"]').first().click();
    await page.locator('[data-testid="play-model"]').waitFor();
    await page.focus('.synth-play [role="application"]');
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getAttribute('[data-testid="play-model"]', 'data-steps')).toBe(String(i + 1));
    }
    expect(await page.textContent('[data-testid="play-seed"]')).toMatch(/^step 2 · seed 1000/);
    await page.keyboard.press('r');
    await expect.poll(() => page.getAttribute('[data-testid="play-seed"]', 'data-seed')).toBe('1001');
    expect(errors).toEqual([]);
  });
});
