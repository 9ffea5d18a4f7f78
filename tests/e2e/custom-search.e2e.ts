import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launch, newPage, screenshot } from './browser';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';
import type { RunRecord } from '../../src/core/run/types';

// A custom environment made from a CSV, then searched: a 1-D counter world
// typed in as CSV, opened in the environment view, and solved by GIF-MCTS against a scripted model.

/**
 * The counter: state x, action 1 adds one and 0 subtracts one, the reward is the new x, and the
 * episode ends when x is 3 away from the start. Four trajectories from 3, twenty transitions.
 * Why 0..6 rather than -3..3: a single-number state with negative values is inferred as Box(1)
 * while its rows stay plain numbers, and the scorer then demands arrays (reported, not ours to fix).
 */
const START = 3;

function counterCsv(): string {
  const episodes = [
    [1, 1, 1],
    [0, 0, 0],
    [1, 0, 0, 1, 1, 1, 0, 1, 1],
    [0, 0, 1, 0, 0],
  ];
  const rows = ['state,action,next_state,reward,done'];
  for (const actions of episodes) {
    let x = START;
    for (const a of actions) {
      const next = x + (a === 1 ? 1 : -1);
      rows.push(`${x},${a},${next},${next},${Math.abs(next - START) >= 3}`);
      x = next;
    }
  }
  return rows.join('\n') + '\n';
}

// The wrong program pays the old x; it differs from the right one only below the two lines a
// generate step keeps, so a generate from it still yields the right program.
const counter = (reward: 'x' | 'next') => `class Environment {
  setState(state) { this.vector = Array.isArray(state); this.x = this.vector ? state[0] : state; }
  step(action) {
    const a = Array.isArray(action) ? action[0] : action;
    const next = this.x + (a === 1 ? 1 : -1);
    const reward = ${reward === 'x' ? 'this.x' : 'next'};
    this.x = next;
    return [this.vector ? [next] : next, reward, Math.abs(next - 3) >= 3];
  }
}`;
const answer = (program: string) => `The counter world:\n\n\`\`\`javascript\n${program}\n\`\`\`\n`;

const TITLE = 'Counter world';
const ENV_ID = 'custom:counter-world';
const DESCRIPTION = 'A counter x from 0 to 6, starting at 3. Action 1 adds one, action 0 subtracts one. The reward is the new x; the episode ends when x reaches 0 or 6.';

type Api = {
  runs(): Promise<Array<{ id: string; env: string; strategy: string; nodes: number; bestScore: number }>>;
  exportRun(id: string): Promise<RunRecord>;
};

let browser: Browser;
let fake: FakeServer;

beforeAll(async () => {
  browser = await launch();
  fake = await startFakeOpenAi({ respond: (_request, index) => ({ type: 'stream', text: answer(counter(index === 0 ? 'x' : 'next')), chunks: 4 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

function runs(page: Page): Promise<Awaited<ReturnType<Api['runs']>>> {
  return page.evaluate(() => (window as unknown as { cwmPlayground: Api }).cwmPlayground.runs());
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim();
}

describe('a search on a custom environment', () => {
  it('creates a counter world from a CSV, shows it like a pack, and GIF-MCTS finds its program', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl('#/custom'));
    await page.locator('[data-testid="custom-title"]').fill(TITLE);
    await page.locator('[data-testid="custom-description"]').fill(DESCRIPTION);
    await page.locator('[data-testid="custom-text"]').fill(counterCsv());
    await expect.poll(() => page.locator('[data-testid="custom-summary"]').textContent()).toBe('20 transitions in 4 trajectories (4 terminal); observation Discrete(7), action Discrete(2).');
    await page.locator('[data-testid="custom-save"]').click();
    await expect.poll(() => page.locator('[data-testid="custom-saved"]').textContent()).toContain(ENV_ID);
    await page.locator('[data-testid="custom-saved"] a', { hasText: 'Open it' }).click();
    await page.waitForFunction((id) => decodeURIComponent(location.hash) === `#/env/${id}`, ENV_ID);

    // The environment view: its title, the description the model receives, no play without a simulator.
    await expect.poll(() => text(page, 'h1')).toBe(TITLE);
    expect(await page.inputValue('[data-testid="env-description"]')).toBe(DESCRIPTION);
    expect(await page.locator('[data-testid="play-real"]').count()).toBe(0);
    // The dataset table holds the twenty rows, terminal ones filterable.
    await page.click('[data-testid="tab-data"]');
    await expect.poll(() => text(page, '[data-testid="filter-count"]')).toBe('20 of 20 transitions');
    expect(await page.locator('[data-testid="dataset-row"]').count()).toBe(20);
    await page.selectOption('[data-testid="filter-terminal"]', 'terminal');
    expect(await text(page, '[data-testid="filter-count"]')).toBe('4 of 20 transitions');
    await page.selectOption('[data-testid="filter-terminal"]', 'all');

    // Search with the scripted model: the wrong reward first, then the counter itself.
    await page.selectOption('[data-testid="provider-select"]', 'openai');
    await page.fill('[data-testid="provider-base-url"]', fake.url);
    await page.fill('[data-testid="provider-model"]', 'scripted-model');
    await page.click('[data-testid="start-run"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="best-score"]')?.textContent?.trim() === '1.000', null, { timeout: 90_000 });
    expect(fake.requests).toHaveLength(2);
    expect(await text(page, '[data-testid="calls-used"]')).toBe('2');
    await screenshot(page, 'custom-env-search');

    // The saved run carries the environment itself, so it travels in files and links.
    await expect.poll(async () => (await runs(page)).map((r) => [r.env, r.strategy, r.nodes, r.bestScore]), { timeout: 20_000 }).toEqual([[ENV_ID, 'gif-mcts', 3, 1]]);
    const [{ id }] = await runs(page);
    const record = await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), id);
    expect(record.env.id).toBe(ENV_ID);
    expect(record.env.custom?.title).toBe(TITLE);
    expect(record.env.custom?.description).toBe(DESCRIPTION);
    expect(record.env.custom?.transitions).toHaveLength(20);
    expect(record.env.custom?.transitions[3]).toMatchObject({ state: 3, action: 0, next_state: 2, reward: 2, done: false });
    expect(record.nodes.map((n) => n.score < 1)).toEqual([true, true, false]); // root, wrong reward, right
    expect(record.nodes[2].program).toBe(counter('next'));
    expect(record.best).toEqual({ nodeId: 2, score: 1 });

    // After a reload the view finds the saved environment again (it lives in IndexedDB).
    await page.reload();
    await expect.poll(() => text(page, 'h1'), { timeout: 20_000 }).toBe(TITLE);
    expect(await page.inputValue('[data-testid="env-description"]')).toBe(DESCRIPTION);
    await page.click('[data-testid="tab-data"]');
    await expect.poll(() => text(page, '[data-testid="filter-count"]')).toBe('20 of 20 transitions');
    expect(errors).toEqual([]);
  });

  it('says which custom environment is missing when this browser has none by that name', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(appUrl('#/env/custom:never-made'));
    await page.click('[data-testid="tab-data"]');
    const alert = page.getByRole('alert');
    await expect.poll(async () => ((await alert.count()) ? await alert.first().textContent() : '')).toContain('There is no custom environment "custom:never-made" saved in this browser');
    // Starting a search says the same instead of waiting for data that will never come.
    await page.click('[data-testid="start-run"]');
    await expect.poll(async () => (await alert.allTextContents()).filter((t) => t.includes('custom:never-made')).length).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
