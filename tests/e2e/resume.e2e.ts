import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launch, newPage, screenshot } from './browser';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';
import { cartpoleProgram, fencedAnswer } from './scripted-cartpole';
import { getPack } from '../../envs/index';
import { evaluateProgram } from '../../src/core/cwm/evaluate';
import { PAPER_SAMPLING } from '../../src/core/llm/types';
import { Rng } from '../../src/core/rng';
import type { RunRecord } from '../../src/core/run/types';
import { strategies } from '../../src/core/search';
import { createNodeRunner } from '../../src/sandbox/node/pool';
import { scriptedLlm } from '../unit/search/scripted';

// Reloading in the middle of a scripted run and resuming it: a GIF-MCTS run on CartPole is
// stepped twice, the page is reloaded, the saved run is continued from the Runs page and finishes.

/** Three wrong programs, then the right one for every later call: the run cannot end before call 4. */
const WRONG_CALLS = 3;
const completion = (call: number) => fencedAnswer(cartpoleProgram(call < WRONG_CALLS ? 0 : 9.8));
const BUDGET = 6;
const SEED = 1; // the run controls' default seed

type Api = {
  runs(): Promise<Array<{ id: string; env: string; strategy: string; nodes: number; calls: number; bestScore: number }>>;
  exportRun(id: string): Promise<RunRecord>;
};

let browser: Browser;
let fake: FakeServer;
/** The run as saved after two iterations, for the second test. */
let savedMidRun: RunRecord | null = null;

beforeAll(async () => {
  browser = await launch();
  fake = await startFakeOpenAi({ respond: (_request, index) => ({ type: 'stream', text: completion(index), chunks: 5 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

function api<T>(page: Page, fn: (api: Api) => Promise<T>): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.cwmPlayground)`) as Promise<T>;
}

/** Tree nodes drawn in the SVG, by id (the tree view also lists them for screen readers). */
function treeIds(page: Page): Promise<number[]> {
  return page.locator('[data-testid="tree-svg"] [data-testid="tree-node"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-node-id'))).sort((a, b) => a - b));
}

async function useFakeModel(page: Page): Promise<void> {
  await page.selectOption('[data-testid="provider-select"]', 'openai');
  await page.fill('[data-testid="provider-base-url"]', fake.url);
  await page.fill('[data-testid="provider-model"]', 'scripted-model');
}

/** The same search in Node, never interrupted: what the continued run must have become. */
async function uninterrupted(): Promise<RunRecord> {
  const pack = getPack('cartpole');
  const transitions = await pack.datasets[0].load();
  const runner = createNodeRunner({ poolSize: 1 });
  try {
    const llm = scriptedLlm(Array.from({ length: BUDGET }, (_, i) => completion(i)));
    return await strategies['gif-mcts']
      .create({
        spec: pack.spec,
        description: pack.spec.description,
        transitions,
        llm,
        evaluate: (p, signal) => evaluateProgram(runner, p, transitions, pack.spec, { signal }),
        rng: Rng.seeded(SEED),
        sampling: PAPER_SAMPLING,
        budget: BUDGET,
        seed: SEED,
      })
      .run();
  } finally {
    await runner.close();
  }
}

/** What identifies a node regardless of later visits: where it hangs, how it came, what it scored. */
const shape = (r: RunRecord) => r.nodes.map((n) => ({ id: n.id, parentId: n.parentId, action: n.action, program: n.program, score: Number(n.score.toFixed(9)) }));

describe('resuming a run after a reload', () => {
  it('continues a GIF-MCTS run saved mid-run, in the same saved entry, exactly as if never interrupted', async () => {
    const reference = await uninterrupted();
    expect(reference.calls).toHaveLength(WRONG_CALLS + 1); // solved by the first right program
    expect(reference.best?.score).toBe(1);

    const { page, errors } = await newPage(browser);
    await page.goto(appUrl('#/env/cartpole'));
    await page.waitForSelector('[data-testid="env-description"]');
    await useFakeModel(page);
    await page.fill('[data-testid="run-budget"]', String(BUDGET));
    expect(await page.inputValue('[data-testid="run-seed"]')).toBe(String(SEED));

    // Two iterations, one LLM call each; the run is saved after every node.
    for (const calls of [1, 2]) {
      await page.click('[data-testid="step-run"]');
      await page.waitForFunction((n) => document.querySelector('[data-testid="calls-used"]')?.textContent?.trim() === String(n), calls, { timeout: 60_000 });
      await page.waitForSelector('[data-testid="step-run"]:not([disabled])');
    }
    await expect.poll(() => api(page, (a) => a.runs().then((runs) => runs.map((r) => r.nodes))), { timeout: 20_000 }).toEqual([3]);
    const [{ id }] = await api(page, (a) => a.runs());
    const before = await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), id);
    expect(before.calls).toHaveLength(2);
    expect(before.status).toBe('running');
    expect(before.budget).toBe(BUDGET);
    expect(fake.requests).toHaveLength(2);

    // Reload mid-run: the saved run is listed, unfinished, and opens as it was.
    await page.reload();
    await page.goto(appUrl('#/runs'));
    const row = page.locator(`[data-testid="run-row"][data-run-id="${id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid="run-nodes"]').textContent()).toBe('3');
    await row.locator(`a[href="#/runs/${id}"]`).click();
    await page.locator('[data-testid="run-facts"]').waitFor();
    expect(await treeIds(page)).toEqual([0, 1, 2]);

    // Continue: the environment view shows the saved tree at once, paused, with the run's settings.
    await page.click('[data-testid="continue-run"]');
    await page.waitForFunction(() => location.hash === '#/env/cartpole');
    await expect.poll(() => treeIds(page), { timeout: 20_000 }).toEqual([0, 1, 2]);
    expect(await page.inputValue('[data-testid="run-budget"]')).toBe(String(BUDGET));
    expect(await page.inputValue('[data-testid="run-seed"]')).toBe(String(SEED));
    expect(await page.inputValue('[data-testid="strategy-select"]')).toBe('gif-mcts');
    expect((await page.textContent('[data-testid="pause-run"]'))?.trim()).toBe('Resume');
    expect((await page.textContent('[data-testid="calls-used"]'))?.trim()).toBe('2');
    await screenshot(page, 'resume-continued');

    // The key and URL may not survive a reload: enter the provider again, then resume to the end.
    await useFakeModel(page);
    await page.click('[data-testid="pause-run"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="best-score"]')?.textContent?.trim() === '1.000', null, { timeout: 90_000 });
    await expect.poll(() => treeIds(page)).toEqual(reference.nodes.map((n) => n.id));
    expect(fake.requests).toHaveLength(reference.calls.length);

    // One saved entry, the same one, now finished; its nodes are those from before plus the new ones.
    await expect.poll(() => api(page, (a) => a.runs().then((runs) => runs.map((r) => [r.id, r.nodes, r.bestScore]))), { timeout: 20_000 }).toEqual([[id, reference.nodes.length, 1]]);
    const after = await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), id);
    await expect.poll(async () => (await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), id)).status).toBe('done');
    expect(shape(after).slice(0, before.nodes.length)).toEqual(shape(before));
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.calls.map((c) => c.completion)).toEqual(reference.calls.map((c) => c.completion));
    // Continued exactly: the same tree as the search that was never interrupted.
    expect(shape(after)).toEqual(shape(reference));
    expect(after.best).toEqual(reference.best);
    expect(errors).toEqual([]);
    savedMidRun = before;
  });

  it('continues a duplicated run in the copy, keeping its name and leaving the original as it was', async () => {
    expect(savedMidRun).not.toBeNull();
    const { context, page, errors } = await newPage(browser);
    await page.goto(appUrl('#/runs'));
    await page.waitForFunction(() => typeof (window as unknown as { cwmPlayground?: { importRun?: unknown } }).cwmPlayground?.importRun === 'function');
    const original = await page.evaluate((r) => (window as unknown as { cwmPlayground: { importRun(r: unknown): Promise<string> } }).cwmPlayground.importRun(r), savedMidRun as never);
    await page.locator(`[data-testid="run-row"][data-run-id="${original}"]`).getByRole('button', { name: 'Duplicate' }).click();
    await expect.poll(() => api(page, (a) => a.runs().then((runs) => runs.length))).toBe(2);
    const copy = (await api(page, (a) => a.runs())).find((r) => r.id !== original)!.id;
    await page.goto(appUrl(`#/runs/${copy}`));
    await page.click('[data-testid="continue-run"]');
    await page.waitForFunction(() => location.hash === '#/env/cartpole');
    await useFakeModel(page);
    await page.click('[data-testid="pause-run"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="best-score"]')?.textContent?.trim() === '1.000', null, { timeout: 90_000 });

    // The fake model answers right from now on, so the copy ends at its next call.
    const summary = () => api(page, (a) => a.runs().then((runs) => runs.map((r) => [r.id, r.nodes, r.bestScore]).sort()));
    const copyRecord = () => page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), copy);
    await expect.poll(async () => (await copyRecord()).status, { timeout: 20_000 }).toBe('done');
    expect(await summary()).toEqual(
      [
        [original, 3, savedMidRun!.best!.score],
        [copy, 4, 1],
      ].sort(),
    );
    expect((await copyRecord()).name).toMatch(/^Copy of cartpole · gif-mcts · [^·]+ · \d{4}-\d\d-\d\d \d\d:\d\d$/);
    const untouched = await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), original);
    expect(untouched).toEqual(savedMidRun);
    expect(errors).toEqual([]);
    await context.close();
  });
});
