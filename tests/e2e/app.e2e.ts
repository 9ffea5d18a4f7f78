import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { packs, getPack } from '../../envs/index';
import { appUrl, launch, newPage, screenshot } from './browser';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';
import { cartpoleProgram, fencedAnswer } from './scripted-cartpole';

// The scripted model answers a CartPole program that forgets gravity first, so the tree has more
// than one node, then the correct one.

let browser: Browser;
let fake: FakeServer;

beforeAll(async () => {
  browser = await launch();
  fake = await startFakeOpenAi({
    script: [
      { type: 'stream', text: fencedAnswer(cartpoleProgram(0)), chunks: 6 },
      { type: 'stream', text: fencedAnswer(cartpoleProgram(9.8)), chunks: 6 },
    ],
    // Any further call (if the search asks again) gets the correct program.
    respond: () => ({ type: 'stream', text: fencedAnswer(cartpoleProgram(9.8)), chunks: 4 }),
  });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim();
}

describe('the playground app', () => {
  it('shows every pack, opens CartPole, filters its data, plays it, and runs GIF-MCTS to a correct program', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl());

    // Gallery: one card per pack, in registry order.
    await page.waitForSelector('[data-testid="env-card"]');
    const ids = await page.$$eval('[data-testid="env-card"]', (cards) => cards.map((c) => c.getAttribute('data-env-id')));
    expect(ids).toEqual(packs.map((p) => p.spec.id));
    await page.waitForFunction(() => document.querySelector('[data-env-id="cartpole"]')?.textContent?.includes('402 transitions'));
    expect(await page.textContent('[data-env-id="halfcheetah"]')).toContain('no simulator');
    await screenshot(page, 'gallery');

    // Environment view: the description the model receives.
    await page.click('[data-env-id="cartpole"]');
    await page.waitForSelector('[data-testid="env-description"]');
    expect(page.url()).toContain('#/env/cartpole');
    const spec = getPack('cartpole').spec;
    // A new run reads the paper's text (the paper variant) by default, and says so.
    expect(await page.inputValue('[data-testid="env-description"]')).toBe(spec.paperDescription);
    expect(await text(page, '[data-testid="description-variant-badge"]')).toBe('paper description');

    // Play the real simulator from the keyboard: CartPole pays 1 per step.
    await page.focus('[data-testid="play-real"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('a');
    expect(await text(page, '[data-testid="play-steps"]')).toBe('5');
    expect(await text(page, '[data-testid="play-return"]')).toBe('5');
    await screenshot(page, 'env-world');
    await page.keyboard.press('r');
    expect(await text(page, '[data-testid="play-return"]')).toBe('0');

    // Dataset table, filtered by terminal and by trajectory, against the pack's own data.
    const data = await getPack('cartpole').datasets[0].load();
    await page.click('[data-testid="tab-data"]');
    await page.waitForSelector('[data-testid="dataset-row"]');
    expect(await text(page, '[data-testid="filter-count"]')).toBe(`${data.length} of ${data.length} transitions`);
    expect(await page.$$('[data-testid="dataset-row"]')).toHaveLength(25);
    await page.selectOption('[data-testid="filter-terminal"]', 'terminal');
    const terminal = data.filter((t) => t.done).length;
    expect(await text(page, '[data-testid="filter-count"]')).toBe(`${terminal} of ${data.length} transitions`);
    expect(await page.$$('[data-testid="dataset-row"]')).toHaveLength(Math.min(25, terminal));
    await page.selectOption('[data-testid="filter-terminal"]', 'all');
    const second = [...new Set(data.map((t) => t.traj_start ?? 0))][1];
    await page.selectOption('[data-testid="filter-trajectory"]', String(second));
    const inSecond = data.filter((t) => (t.traj_start ?? 0) === second).length;
    expect(await text(page, '[data-testid="filter-count"]')).toBe(`${inSecond} of ${data.length} transitions`);
    await screenshot(page, 'env-dataset');

    // Model panel: the OpenAI-compatible provider pointed at the scripted local server.
    await page.selectOption('[data-testid="provider-select"]', 'openai');
    await page.fill('[data-testid="provider-base-url"]', fake.url);
    await page.fill('[data-testid="provider-model"]', 'scripted-model');
    expect(await page.inputValue('[data-testid="provider-base-url"]')).toBe(fake.url);

    // Run GIF-MCTS: the second program is correct, so the search stops with best score 1.000.
    await page.fill('[data-testid="run-budget"]', '6');
    await page.click('[data-testid="start-run"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="best-score"]')?.textContent?.trim() === '1.000', null, { timeout: 60_000 });
    expect(Number(await text(page, '[data-testid="best-score"]'))).toBe(1);
    await page.waitForSelector('[data-testid="tree-node"]');
    const nodes = await page.$$('[data-testid="tree-node"]');
    expect(nodes.length).toBeGreaterThanOrEqual(3); // root, the gravity-less program, the correct one
    expect(fake.requests.length).toBe(2);
    expect(await text(page, '[data-testid="calls-used"]')).toBe('2');
    // The Search tab and the tree toolbar count the same thing: programs, not the empty root.
    expect(await text(page, '[data-testid="tab-search-count"]')).toBe(`${nodes.length - 1} programs`);
    expect(await text(page, '[data-testid="tree-count"]')).toBe(`${nodes.length - 1} programs`);
    await screenshot(page, 'env-search');

    // Selecting the best node opens the inspector with its program.
    await page.click('[data-testid="tree-node"][data-score="1"]');
    await page.waitForSelector('[data-testid="node-inspector"]', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="node-inspector"]')?.textContent?.includes('9.8'));
    await screenshot(page, 'env-inspector');
    expect(errors).toEqual([]);
  });

  it('says clearly when an environment does not exist, and switches themes', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl('#/env/no-such-env'));
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('no-such-env');
    await page.goto(appUrl('#/'));
    await page.waitForSelector('[data-testid="env-card"]');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
    expect(await theme()).toBe('system');
    await page.getByRole('button', { name: /Theme: system/ }).click();
    expect(await theme()).toBe('light');
    await page.getByRole('button', { name: /Theme: light/ }).click();
    expect(await theme()).toBe('dark');
    await screenshot(page, 'gallery-dark');
    expect(errors).toEqual([]);
  });
});
