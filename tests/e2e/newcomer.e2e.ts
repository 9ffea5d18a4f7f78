import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { appUrl, launch, newPage, screenshot } from './browser';
import { sampleRecord } from '../unit/run/fixtures';
import { datasetHash } from '../../src/core/env/dataset';
import type { Transition } from '../../src/core/env/types';
import type { RunRecord } from '../../src/core/run/types';

// What a first-time user meets: a provider that is down, settings that survive a reload, and a
// search interrupted by a reload that is offered back.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A port on which nothing listens: the "server is down" case. */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function envPage(page: Page): Promise<void> {
  await page.goto(appUrl('#/env/cartpole'));
  await page.locator('[data-testid="start-run"]').waitFor();
}

async function importRun(page: Page, record: RunRecord): Promise<string> {
  await page.waitForFunction(() => typeof (window as unknown as { cwmPlayground?: { importRun?: unknown } }).cwmPlayground?.importRun === 'function');
  return page.evaluate((r) => (window as unknown as { cwmPlayground: { importRun(r: unknown): Promise<string> } }).cwmPlayground.importRun(r), record as never);
}

describe('a provider that is down', () => {
  it('starts no search, says "Cannot reach" in one short line, and the connection test ends', async () => {
    const { context, page, errors } = await newPage(browser);
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    await envPage(page);
    await page.locator('[data-testid="provider-select"]').selectOption('openai');
    await page.locator('[data-testid="provider-base-url"]').fill(url);
    await page.locator('[data-testid="provider-model"]').fill('qwen2.5-coder:7b');
    await page.locator('[data-testid="start-run"]').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cannot reach' });
    await alert.waitFor();
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain(`Cannot reach the OpenAI-compatible server at ${url}. Is the server running?`);
    expect(said.length).toBeLessThan(400);
    expect(await page.locator('[data-testid="calls-used"]').textContent()).toBe('0');
    expect(await page.getByRole('status').filter({ hasText: 'Not started' }).count()).toBe(1);
    await page.locator('[data-testid="test-connection"]').click();
    const failed = page.getByRole('alert').filter({ hasText: 'Connection failed' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain(`Cannot reach the OpenAI-compatible server at ${url}.`);
    await screenshot(page, 'newcomer-provider-down');
    const runs = await page.evaluate(() => (window as unknown as { cwmPlayground: { runs(): Promise<unknown[]> } }).cwmPlayground.runs());
    expect(runs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('provider settings', () => {
  it('keep base URL and model per provider across a reload, and no key unless asked', async () => {
    const { context, page, errors } = await newPage(browser);
    await envPage(page);
    await page.locator('[data-testid="provider-select"]').selectOption('openai');
    await page.locator('[data-testid="provider-base-url"]').fill('http://localhost:11434/v1');
    await page.locator('[data-testid="provider-model"]').fill('qwen2.5-coder:7b');
    await page.locator('[data-testid="provider-select"]').selectOption('anthropic');
    await page.locator('[data-testid="provider-model"]').fill('claude-sonnet-4-5');
    const key = page.locator('input[type="password"]').first();
    await key.fill('sk-ant-not-remembered');
    await page.reload();
    await page.locator('[data-testid="start-run"]').waitFor();
    expect(await page.locator('[data-testid="provider-select"]').inputValue()).toBe('anthropic');
    expect(await page.locator('[data-testid="provider-model"]').inputValue()).toBe('claude-sonnet-4-5');
    expect(await page.locator('input[type="password"]').first().inputValue()).toBe('');
    await page.locator('[data-testid="provider-select"]').selectOption('openai');
    expect(await page.locator('[data-testid="provider-base-url"]').inputValue()).toBe('http://localhost:11434/v1');
    expect(await page.locator('[data-testid="provider-model"]').inputValue()).toBe('qwen2.5-coder:7b');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('sk-ant-not-remembered');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a search interrupted by a reload', () => {
  it('is offered back on its environment page and in the saved runs list', async () => {
    const { context, page, errors } = await newPage(browser);
    const transitions = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../envs/cartpole/data/cwmb.json'), 'utf8')) as Transition[];
    const record: RunRecord = {
      ...sampleRecord(),
      env: { id: 'cartpole', datasetHash: datasetHash(transitions), dataset: 'cwmb' },
      status: 'running',
      budget: 10,
      createdAt: '2026-03-04T05:06:07.000Z',
    };
    await page.goto(appUrl('#/runs'));
    await importRun(page, record);
    await envPage(page);
    const banner = page.locator('[data-testid="resume-banner"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('cartpole · gif-mcts · scripted · 2026-03-04 05:06');
    await screenshot(page, 'newcomer-resume-banner');
    await page.locator('[data-testid="resume-continue"]').click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Paused$/ })
      .waitFor();
    expect(await banner.count()).toBe(0);

    await page.goto(appUrl('#/runs'));
    const row = page.locator('[data-testid="run-row"]').first();
    await row.waitFor();
    expect(await row.locator('[data-testid="run-model"]').textContent()).toBe('scripted');
    await page.locator('[data-testid="runs-search"]').fill('cartpole scripted unfinished');
    expect(await page.locator('[data-testid="run-row"]').count()).toBe(1);
    await page.locator('[data-testid="runs-search"]').fill('taxi');
    await page.locator('[data-testid="runs-none-match"]').waitFor();
    await page.locator('[data-testid="runs-search"]').fill('');
    await row.locator('[data-testid="run-continue"]').click();
    await page.waitForURL(/#\/env\/cartpole$/);
    await page
      .getByRole('status')
      .filter({ hasText: /^Paused$/ })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
