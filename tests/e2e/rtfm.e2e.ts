import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { rtfmPack } from '../../envs/rtfm';
import { RtfmSim } from '../../envs/rtfm/sim';
import { Rng } from '../../src/core/rng';
import { appUrl, launch, newPage, screenshot } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();
/** The first channel of every cell of a board on the page, row by row. */
const boardOf = (page: Page, testid: string) => page.$$eval(`[data-testid="${testid}"] [data-testid="rtfm-cell"]`, (cells) => cells.map((c) => c.getAttribute('data-cell')));

describe('the RTFM page', () => {
  it('opens from the gallery, draws the board as tiles beside the manual, and plays the real game with the keyboard', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl());
    await page.click('[data-testid="rtfm-card"]');
    await page.waitForSelector('[data-testid="rtfm-real-board"]');
    expect(await page.$$('[data-testid="rtfm-real-board"] [data-testid="rtfm-cell"]')).toHaveLength(36);
    expect(await text(page, '[data-testid="rtfm-manual"]')).toContain('Order of the Forest: dragon, medusa, wolf ← the goal');
    // The page's first game is seed 1 of the reference simulator: the same board here.
    const sim = new RtfmSim();
    const start = sim.reset(Rng.seeded(1));
    expect(await boardOf(page, 'rtfm-real-board')).toEqual(start.board.flat().map((c) => c[0]));
    expect(await page.textContent('[data-testid="rtfm-real-board"]')).toContain('cold dragon');
    await screenshot(page, 'rtfm-play');

    // Keys move the player exactly as the simulator does.
    await page.focus('[data-testid="rtfm-play"]');
    let state = start;
    for (const [key, action] of [
      ['ArrowRight', 4],
      ['ArrowDown', 2],
      ['a', 3],
      [' ', 0],
      ['w', 1],
    ] as const) {
      sim.setState(state);
      const next = sim.answer(action);
      await page.keyboard.press(key);
      if (state.board.flat().some((c) => c[0] === 'you')) state = next.next_state;
      expect(await boardOf(page, 'rtfm-real-board')).toEqual(state.board.flat().map((c) => c[0]));
      if (next.done) break;
    }
    expect(await text(page, '[data-testid="rtfm-inventory"]')).toBe(state.inventory);
    await page.keyboard.press('r');
    const second = new RtfmSim().reset(Rng.seeded(2));
    expect(await boardOf(page, 'rtfm-real-board')).toEqual(second.board.flat().map((c) => c[0]));
    expect(await text(page, '[data-testid="rtfm-return"]')).toBe('0');
    expect(errors).toEqual([]);
  });

  it('browses the recorded games as boards and shows the RTFM description variants', async () => {
    const { page, errors } = await newPage(browser);
    const transitions = await rtfmPack.dataset.load();
    await page.goto(appUrl('#/env/rtfm'));
    await page.click('[data-testid="rtfm-tab-data"]');
    await page.waitForSelector('[data-testid="rtfm-data-before"]');
    await page.fill('[data-testid="rtfm-data-index"]', '132');
    await page.press('[data-testid="rtfm-data-index"]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="rtfm-data-action"]')?.textContent === 'Down');
    expect(await boardOf(page, 'rtfm-data-before')).toEqual(transitions[132].state.board.flat().map((c) => c[0]));
    expect(await boardOf(page, 'rtfm-data-after')).toEqual(transitions[132].next_state.board.flat().map((c) => c[0]));
    expect(await text(page, '[data-testid="rtfm-data-transition"]')).toContain('win');
    // The changed cells (the player's old cell and the dragon's) are outlined.
    expect(await page.$$('[data-testid="rtfm-data-after"] [data-diverged="true"]')).toHaveLength(2);
    expect(await page.textContent('[data-testid="rtfm-data-transition"]')).not.toContain('["wall"');
    await screenshot(page, 'rtfm-dataset');

    await page.click('[data-testid="rtfm-tab-description"]');
    expect(await text(page, '[data-testid="rtfm-description"]')).toContain('Goal: Defeat the Order of the Forest');
    expect(await text(page, '[data-testid="rtfm-description"]')).not.toContain('## Hints');
    await page.selectOption('[data-testid="rtfm-description"] ~ * select, select', 'hinted');
    expect(await text(page, '[data-testid="rtfm-description"]')).toContain('## Hints');
    expect(errors).toEqual([]);
  });
});
