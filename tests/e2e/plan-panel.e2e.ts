import { sandboxAliases } from '../../vite.config.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { program } from '../fixtures/programs/index';
import { startFakeOpenAi, type FakeServer } from '../support/fake-openai';
import { launch, newPage, screenshot } from './browser';
import { serveStatic } from './static-server';

// The plan panel and the benchmark page in Chromium, built for production from a tiny harness
// page (they are not routed in the app shell yet): the real components, the planning sandbox, the
// oracle module worker, the evaluator sandbox and a scripted OpenAI-protocol server.

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let server: Server;
let url: string;
let browser: Browser;
let fake: FakeServer;

const HARNESS = `
import { mount } from '${ROOT}/node_modules/svelte/src/index-client.js';
import '${ROOT}/src/ui/app.css';
import PlanPanel from '${ROOT}/src/ui/plan/PlanPanel.svelte';
import BenchPage from '${ROOT}/src/ui/bench/BenchPage.svelte';
import { model } from '${ROOT}/src/state/model.svelte';
const params = new URLSearchParams(location.hash.slice(1));
const target = document.getElementById('app');
if (params.get('llm')) {
  model.setKind('openai');
  model.openai.baseUrl = params.get('llm');
  model.openai.model = 'fake-model';
}
if (params.get('page') === 'bench') mount(BenchPage, { target });
else mount(PlanPanel, { target, props: { envId: params.get('env'), program: window.PROGRAM ?? '' } });
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cwm-plan-harness-'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plan harness</title></head><body><div id="app"></div><script type="module" src="./harness.js"></script></body></html>',
  );
  await writeFile(join(dir, 'harness.js'), HARNESS);
  await build({
    root: dir,
    base: './',
    logLevel: 'error',
    configFile: false,
    plugins: [svelte()],
    resolve: { alias: sandboxAliases },
    worker: { format: 'es' },
    build: { target: 'es2022', outDir: join(dir, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  });
  ({ server, url } = await serveStatic(join(dir, 'dist')));
  browser = await launch();
  const [cartpole, cliff] = [program('cartpole.js'), program('plan/cliffwalking.js')];
  fake = await startFakeOpenAi({ respond: (r) => ({ type: 'stream', text: '```javascript\n' + (/cart/i.test(JSON.stringify(r.body?.messages)) ? cartpole : cliff) + '```\n', chunks: 3 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('plan panel', () => {
  it('plans CartPole with a correct program: R = 1, beside random and oracle', async () => {
    const { page, errors } = await newPage(browser);
    await page.addInitScript({ content: `window.PROGRAM = ${JSON.stringify(program('cartpole.js'))};` });
    await page.goto(`${url}#env=cartpole`);
    await page.getByLabel('Episodes').fill('2');
    await page.getByLabel('fast planner').check();
    await page.getByRole('button', { name: 'Plan with this model' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Cancel' }).count()).toBe(1);
    await page.getByTestId('normalized-return').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('normalized-return').textContent()).toMatch(/R = 1\.000/);
    expect(await page.getByTestId('return-model').textContent()).toBe(await page.getByTestId('return-oracle').textContent());
    await screenshot(page, 'plan-panel');
    expect(errors).toEqual([]);
  });

  it('reports a model that loops forever and counts it like random play', async () => {
    const { page } = await newPage(browser);
    await page.addInitScript({ content: `window.PROGRAM = ${JSON.stringify(program('plan/hostile-loop.js'))};` });
    await page.goto(`${url}#env=cliffwalking`);
    await page.getByLabel('Episodes').fill('1');
    await page.getByLabel('fast planner').check();
    await page.getByRole('button', { name: 'Plan with this model' }).click();
    await page.getByText(/The model failed while planning: planning one action timed out after 10 s/).waitFor({ timeout: 120_000 });
    expect(await page.getByText('100 steps acted randomly instead').count()).toBe(1);
  });

  it('says planning needs a simulator on a transitions-only environment', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${url}#env=reacher`);
    expect(await page.getByText(/Planning needs a reference simulator/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Plan with this model' }).count()).toBe(0);
  });
});

describe('benchmark page', () => {
  it('runs env × strategy cells against the provider, shows the paper-format table and the plot, and resumes', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${url}#page=bench&llm=${encodeURIComponent(fake.url)}`);
    await page.getByLabel('Budget (LLM calls)').fill('3');
    await page.getByLabel('Planning episodes').fill('1');
    await page.getByLabel('fast planner').check();
    await page.getByRole('button', { name: 'Run 4 cells' }).click();
    // While it runs, the settings are locked but Stop is not.
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    expect(await page.getByRole('button', { name: 'Stop' }).isEnabled()).toBe(true);
    expect(await page.getByLabel('Budget (LLM calls)').isEnabled()).toBe(false);
    await page.getByText('4 of 4 cells done').waitFor({ timeout: 240_000 });
    const table = await page.getByTestId('bench-table').innerText();
    // The paper protocol by default; a budget of 3 is not the paper's, so its columns carry a †.
    expect(table).toContain('cartpole\tgif-mcts\tpaper\tpaper\t1.00\t1.00\t1.00\t1.00 / 0.99 †\t1.00 / 1.11 †');
    expect(table).toContain('cliffwalking\tworldcoder\tpaper\tpaper\t1.00\t1.00\t1.00\t1.00 / 0.89 †\t1.00 / 0.97 †');
    expect(table).toContain('discrete mean\tgif-mcts\tpaper\tpaper');
    expect(await page.getByTestId('bench-meta').innerText()).toContain('- protocol: paper protocol\n- description: paper description\n- model: openai:fake-model');
    expect(await page.getByTestId('bench-differs').innerText()).toContain('cartpole · gif-mcts vs paper GPT-4 Turbo: budget 3 (paper 10), reduced planner (R)');
    expect(await page.locator('svg path[data-strategy="gif-mcts"]').count()).toBe(1);
    expect(fake.requests).toHaveLength(4);
    await screenshot(page, 'bench-page');
    await page.getByTestId('bench-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'bench-table');
    // The playground protocol is another grid: its cells are not done, and the paper results stay stored.
    await page.getByTestId('bench-protocol').selectOption('playground');
    expect(await page.getByTestId('bench-description').inputValue()).toBe('hinted');
    expect(await page.getByText('0 of 4 cells done').count()).toBe(1);
    await page.getByTestId('bench-protocol').selectOption('paper');
    // A reload keeps the results (one localStorage key) and runs nothing again.
    await page.reload();
    await page.getByLabel('Budget (LLM calls)').fill('3');
    expect(await page.getByText('4 of 4 cells done').count()).toBe(1);
    expect((await page.evaluate(() => Object.keys(localStorage))).filter((k) => k.includes('bench'))).toEqual(['cwm-playground:bench-results:v1']);
    expect(errors).toEqual([]);
  });
});
