// PENDING until the page's sandboxed runner implements runStructured (the StructuredRunner
// interface of src/core/cwm/structured.ts). Enable by renaming this file to rtfm-runner.e2e.ts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { rtfmPack } from '../../envs/rtfm';
import { appUrl, launch, newPage, screenshot } from './browser';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';

const ignoresManual = readFileSync(new URL('../fixtures/rtfm/ignores-manual.js', import.meta.url), 'utf8');
const fenced = (program: string) => `Here is the environment.\n\n\`\`\`javascript\n${program}\n\`\`\`\n`;

let browser: Browser;
let fake: FakeServer;

beforeAll(async () => {
  browser = await launch();
  // The first program ignores the manual; every later call answers the reference program.
  fake = await startFakeOpenAi({ script: [{ type: 'stream', text: fenced(ignoresManual), chunks: 5 }], respond: () => ({ type: 'stream', text: fenced(rtfmPack.referenceProgram), chunks: 5 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

describe('RTFM programs in the page sandbox', () => {
  it('scores the reference program 1 and one that ignores the manual below 0.7, with the first failure as boards', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl('#/env/rtfm'));
    await page.click('[data-testid="rtfm-tab-score"]');
    await page.click('[data-testid="rtfm-evaluate"]');
    await page.waitForSelector('[data-testid="rtfm-score"]', { timeout: 60_000 });
    expect(await text(page, '[data-testid="rtfm-score"]')).toBe('1');
    await page.fill('[data-testid="rtfm-program"]', ignoresManual);
    await page.click('[data-testid="rtfm-evaluate"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="rtfm-score"]')?.textContent !== '1', null, { timeout: 60_000 });
    expect(await text(page, '[data-testid="rtfm-score"]')).toBe('0.331433');
    expect(await text(page, '[data-testid="rtfm-result"]')).toContain('First wrong transition: #2');
    await page.check('[data-testid="rtfm-paper-protocol"]');
    await page.fill('[data-testid="rtfm-program"]', rtfmPack.referenceProgram);
    await page.click('[data-testid="rtfm-evaluate"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="rtfm-result"]')?.textContent?.includes('of 1000 draws'), null, { timeout: 60_000 });
    expect(await text(page, '[data-testid="rtfm-score"]')).toBe('1');
    await page.click('[data-testid="rtfm-plan"]');
    await page.waitForSelector('[data-testid="rtfm-plan-result"]', { timeout: 120_000 });
    expect(await text(page, '[data-testid="rtfm-plan-result"]')).toContain('R = 1.000');
    await screenshot(page, 'rtfm-score');
    expect(errors).toEqual([]);
  });

  it('plays a synthesized world beside the real one and marks the cells where it departs', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl('#/env/rtfm'));
    await page.click('[data-testid="rtfm-tab-score"]');
    await page.fill('[data-testid="rtfm-program"]', ignoresManual);
    await page.click('[data-testid="rtfm-tab-play"]');
    await page.click('[data-testid="rtfm-synth-start"]');
    await page.waitForSelector('[data-testid="rtfm-synth-board"]');
    expect(await page.$$('[data-testid="rtfm-synth-board"] [data-diverged="true"]')).toHaveLength(0);
    // Seed 1: the player starts at row 1, col 4 beside the cold dragon (col 3); Left is a fight the
    // real game loses (no item) while the program walks onto the dragon.
    await page.focus('[data-testid="rtfm-play"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="rtfm-synth-board"] [data-diverged="true"]').length > 0, null, { timeout: 30_000 });
    expect(await page.$$('[data-testid="rtfm-synth-board"] [data-diverged="true"]')).toHaveLength(1);
    await screenshot(page, 'rtfm-synth');
    expect(errors).toEqual([]);
  });

  it('runs a scripted GIF-MCTS search on RTFM to a program that scores 1', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(appUrl('#/env/rtfm'));
    await page.click('[data-testid="rtfm-tab-search"]');
    await page.selectOption('[data-testid="provider-select"]', 'openai');
    await page.fill('[data-testid="provider-base-url"]', fake.url);
    await page.fill('[data-testid="provider-model"]', 'scripted-model');
    await page.fill('[data-testid="rtfm-budget"]', '4');
    await page.click('[data-testid="rtfm-start-search"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="rtfm-best-score"]')?.textContent?.trim() === '1', null, { timeout: 120_000 });
    await page.waitForSelector('[data-testid="tree-node"]');
    expect((await page.$$('[data-testid="tree-node"]')).length).toBeGreaterThanOrEqual(3);
    expect(fake.requests[0].body.messages[1].content).toContain('## Manual');
    // Without the paper protocol, the playground's sampling.
    expect(fake.requests[0].body).toMatchObject({ temperature: 1, top_p: 0.8, max_tokens: 1500 });
    await screenshot(page, 'rtfm-search');
    // Under the paper protocol, the paper's sampling for this provider (GPT-4 Turbo's for an OpenAI model).
    await page.click('[data-testid="rtfm-tab-score"]');
    await page.check('[data-testid="rtfm-paper-protocol"]');
    await page.click('[data-testid="rtfm-tab-search"]');
    await page.fill('[data-testid="provider-model"]', 'gpt-4-turbo');
    const before = fake.requests.length;
    await page.click('[data-testid="rtfm-start-search"]');
    await expect.poll(() => fake.requests.length, { timeout: 60_000 }).toBeGreaterThan(before);
    expect(fake.requests[before].body).toMatchObject({ model: 'gpt-4-turbo', temperature: 0.6, top_p: 0.8, max_tokens: 4096 });
    expect(errors).toEqual([]);
  });
});
