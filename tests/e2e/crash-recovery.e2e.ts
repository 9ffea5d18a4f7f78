import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CRASH_BUG } from '../../src/core/run/in-flight';
import type { RunRecord } from '../../src/core/run/types';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';
import { appUrl, launch, newPage } from './browser';
import { cartpoleProgram, fencedAnswer } from './scripted-cartpole';

// A candidate that takes the whole page down (here: the renderer is crashed while the candidate,
// which never returns, is being scored) must not do it again: the continued run records it as
// "crashed the evaluator" without running it or asking the model for it again.

const LOOPING = cartpoleProgram(0).replace('let [x, xDot, theta, thetaDot] = this.s;', 'for (;;) {}');
const completion = (call: number) => fencedAnswer(call === 0 ? cartpoleProgram(0) : call === 1 ? LOOPING : cartpoleProgram(9.8));

type Api = { runs(): Promise<Array<{ id: string; nodes: number }>>; exportRun(id: string): Promise<RunRecord> };

let browser: Browser;
let fake: FakeServer;

beforeAll(async () => {
  browser = await launch();
  fake = await startFakeOpenAi({ respond: (_request, index) => ({ type: 'stream', text: completion(index), chunks: 3 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

async function useFakeModel(page: Page): Promise<void> {
  await page.selectOption('[data-testid="provider-select"]', 'openai');
  await page.fill('[data-testid="provider-base-url"]', fake.url);
  await page.fill('[data-testid="provider-model"]', 'scripted-model');
}

const exportRun = (page: Page, id: string) => page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), id);

describe('a candidate that crashes the page', () => {
  it('is recorded as a bug when the run continues, and is neither run nor asked for again', { timeout: 100_000 }, async () => {
    const first = await newPage(browser);
    await first.page.goto(appUrl('#/env/cartpole'));
    await first.page.waitForSelector('[data-testid="env-description"]');
    await useFakeModel(first.page);
    await first.page.fill('[data-testid="run-budget"]', '4');
    await first.page.click('[data-testid="step-run"]');
    await first.page.waitForFunction(() => document.querySelector('[data-testid="calls-used"]')?.textContent?.trim() === '1', null, { timeout: 60_000 });
    await first.page.waitForSelector('[data-testid="step-run"]:not([disabled])');
    // The second candidate never returns; while it is being scored, the page dies.
    await first.page.click('[data-testid="step-run"]');
    await expect.poll(() => fake.requests.length, { timeout: 30_000 }).toBe(2);
    await first.page.waitForTimeout(1500);
    const marker = await first.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cwm-in-flight:')).length);
    expect(marker).toBe(1);
    const cdp = await first.context.newCDPSession(first.page);
    // Page.crash never answers: the renderer is gone. Wait for the page to report it.
    const died = new Promise<void>((resolve) => first.page.once('crash', () => resolve()));
    void cdp.send('Page.crash').catch(() => {});
    await died;

    // A new tab in the same browser profile, as after reopening the app.
    const page = await first.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl('#/runs'));
    await page.waitForFunction(() => typeof (window as unknown as { cwmPlayground?: Api }).cwmPlayground?.runs === 'function');
    const [{ id }] = await page.evaluate(() => (window as unknown as { cwmPlayground: Api }).cwmPlayground.runs());
    await page.goto(appUrl(`#/runs/${id}`));
    await page.click('[data-testid="continue-run"]');
    await page.waitForFunction(() => location.hash === '#/env/cartpole');
    await useFakeModel(page);
    await page.click('[data-testid="pause-run"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="best-score"]')?.textContent?.trim() === '1.000', null, { timeout: 90_000 });
    await expect.poll(async () => (await exportRun(page, id)).status, { timeout: 20_000 }).toBe('done');

    const record = await exportRun(page, id);
    const crashed = record.nodes.find((n) => n.program.includes('for (;;) {}'));
    expect(crashed?.bug).toBe(CRASH_BUG);
    expect(crashed?.score).toBe(0);
    // Three calls in the record, but the model was asked only once after the crash.
    expect(record.calls.map((c) => c.completion)).toEqual([completion(0), completion(1), completion(2)]);
    expect(fake.requests).toHaveLength(3);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cwm-in-flight:')))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
