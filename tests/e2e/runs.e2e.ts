import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launch, newPage, screenshot } from './browser';
import { sampleRecord, randomRecord } from '../unit/run/fixtures';
import { packJson } from '../../src/core/run';
import type { RunRecord } from '../../src/core/run/types';
import { strategies } from '../../src/core/search';
import { getPack } from '../../envs/index';
import { scriptedLlm, scriptedEvaluate } from '../unit/search/scripted';
import { Rng } from '../../src/core/rng';
import { PAPER_SAMPLING } from '../../src/core/llm/types';

// Runs that last and travel, on the built app in real Chromium.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Api = {
  runs(): Promise<Array<{ id: string; nodes: number; bestScore: number }>>;
  importRun(r: unknown): Promise<string>;
  exportRun(id: string): Promise<RunRecord>;
  shareLink(id: string): Promise<string>;
};

async function ready(page: Page, hash = '#/runs'): Promise<void> {
  await page.goto(appUrl(hash));
  await page.waitForFunction(() => typeof (window as unknown as { cwmPlayground?: { importRun?: unknown } }).cwmPlayground?.importRun === 'function');
}

function importViaApi(page: Page, record: unknown): Promise<string> {
  return page.evaluate((r) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.importRun(r), record as never);
}

/** Tree nodes drawn in the SVG (the tree view also lists them for screen readers). */
function treeNodeCount(page: Page): Promise<number> {
  return page.locator('[data-testid="tree-svg"] [data-testid="tree-node"]').count();
}

describe('runs: files, links, replay, custom environments', () => {
  it('imports a record as cwm search writes it and exports it unchanged (API and file)', async () => {
    const { context, page, errors } = await newPage(browser);
    await ready(page);
    const record = { ...sampleRecord(), resume: { rng: [1, 2, 3, 4], iterations: 4 }, cliVersion: '0.1.0' };
    const id = await importViaApi(page, record);
    const exported = await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), id);
    expect(exported).toEqual(record);
    const list = await page.evaluate(() => (window as unknown as { cwmPlayground: Api }).cwmPlayground.runs());
    expect(list).toEqual([expect.objectContaining({ id, nodes: 5, bestScore: 0.9 })]);

    // Through the page: export the file, then import that file into a fresh browser.
    await page.evaluate(() => (location.hash = '#/runs/'));
    await page.goto(appUrl('#/runs'));
    await page.locator('[data-testid="run-row"]').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).first().click()]);
    const text = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((s) => {
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        s.on('error', reject);
      }, reject);
    });
    expect(JSON.parse(text)).toEqual(record);
    await context.close();

    const fresh = await newPage(browser);
    await ready(fresh.page);
    await fresh.page.locator('[data-testid="import-file"]').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await fresh.page.waitForFunction(() => location.hash.startsWith('#/runs/run-'));
    await fresh.page.locator('[data-testid="tree-svg"]').waitFor();
    expect(await treeNodeCount(fresh.page)).toBe(5);
    const again = await fresh.page.evaluate(async () => {
      const api = (window as unknown as { cwmPlayground: Api }).cwmPlayground;
      return api.exportRun((await api.runs())[0].id);
    });
    expect(again).toEqual(record);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it('builds a link and shows the same tree in a fresh browser context; a big run is trimmed or refused', async () => {
    const { context, page } = await newPage(browser);
    await ready(page);
    const record = randomRecord(3, 12, 40);
    const id = await importViaApi(page, record);
    const url = await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.shareLink(i), id);
    expect(url).toMatch(/#run=[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(8100);

    const huge = randomRecord(4, 3, 10);
    huge.nodes[2].program = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(33 + (((i * 2654435761) >>> 7) % 90))).join('');
    huge.best = { nodeId: 2, score: huge.nodes[2].score };
    const hugeId = await importViaApi(page, huge);
    const refusal = await page.evaluate(
      (i) =>
        (window as unknown as { cwmPlayground: Api }).cwmPlayground.shareLink(i).then(
          () => 'resolved',
          (e: Error) => e.message,
        ),
      hugeId,
    );
    expect(refusal).toMatch(/^This run is too large for a link/);
    await context.close();

    const fresh = await newPage(browser);
    await fresh.page.goto(url);
    await fresh.page.waitForFunction(() => location.hash.startsWith('#/runs/run-'));
    await fresh.page.locator('[data-testid="tree-svg"] [data-testid="tree-node"]').first().waitFor();
    expect(await treeNodeCount(fresh.page)).toBe(record.nodes.length);
    await screenshot(fresh.page, 'runs-opened-link');
    expect(fresh.errors).toEqual([]);

    // Pasting a link into the already open tab (hashchange) opens it as well.
    const other = randomRecord(8, 7, 20);
    await fresh.page.evaluate((hash) => (location.hash = hash), `#run=${await packJson(other)}`);
    await fresh.page.waitForFunction((n) => document.querySelectorAll('[data-testid="tree-svg"] [data-testid="tree-node"]').length === n, other.nodes.length);
    await fresh.context.close();
  });

  it('answers ten malformed links and six malformed files with a clear alert, never a crash', async () => {
    const { context, page, errors } = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const good = await packJson(sampleRecord());
    const links: Array<[string, RegExp]> = [
      ['#run=', /nothing after #run=/],
      ['#run=abc%25def', /This run link is damaged: character 4 \("%"\)/],
      ['#run=abcde', /its length \(5\) is impossible/],
      [`#run=${good.slice(0, 200)}`, /could not be decompressed|not a CWM Playground run/],
      [`#run=${good.slice(0, -7)}x`, /could not be decompressed|not a CWM Playground run|damaged/],
      [`#run=${await packJson({ hello: 'world' })}`, /This is not a CWM Playground run/],
      [`#run=${await packJson({ ...sampleRecord(), version: 3 })}`, /format version 3, newer than this playground reads/],
      [`#run=${await packJson({ ...sampleRecord(), strategy: 'evil' })}`, /strategy is the text "evil"/],
      [`#run=${await packJson(JSON.parse(JSON.stringify(sampleRecord()).replace('"params":{', '"params":{"__proto__":{"x":1},')))}`, /contains the key "__proto__"/],
      ['#settings=budget:0', /budget must be a whole number from 1 to 1000/],
      ['#settings=env:no-such-env', /environment "no-such-env", which this playground does not have/],
      ['#settings=strategy:alphazero', /strategy "alphazero" is unknown/],
    ];
    await page.goto(appUrl('#/'));
    for (const [i, [hash, message]] of links.entries()) {
      // Half as fresh page loads, half pasted into the open tab.
      if (i % 2 === 0) await page.goto(appUrl(hash));
      else await page.evaluate((h) => (location.hash = h), hash);
      const alert = page.locator('[data-testid="link-alert"]');
      await expect.poll(async () => ((await alert.count()) ? await alert.textContent() : '')).toMatch(message);
      expect(await alert.getAttribute('role')).toBe('alert');
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
    }
    await screenshot(page, 'runs-malformed-link');

    await page.goto(appUrl('#/runs'));
    const files: Array<[string, RegExp]> = [
      ['', /The file is empty/],
      ['{"version":1,"nodes":[', /The file is not valid JSON/],
      ['state,action\n1,2', /The file is not valid JSON/],
      ['[1,2,3]', /must be a JSON object, but this is a list of 3/],
      [JSON.stringify({ ...sampleRecord(), nodes: [{ ...sampleRecord().nodes[1] }] }), /^nodes\[0\]\.parentId is 0, but no earlier node/],
      [JSON.stringify({ ...sampleRecord(), best: { nodeId: 99, score: 1 } }), /best\.nodeId is 99/],
    ];
    for (const [text, message] of files) {
      await page.locator('[data-testid="import-file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      const alert = page.getByRole('alert');
      await expect.poll(async () => ((await alert.count()) ? await alert.first().textContent() : '')).toMatch(message);
      await page.getByRole('button', { name: 'Dismiss error' }).click();
    }
    expect(errors).toEqual([]);
    expect(
      requests.every(
        (u) =>
          u.startsWith(
            appUrl()
              .replace(/[#?].*$/, '')
              .replace(/\/[^/]*$/, '/'),
          ) ||
          u.startsWith('data:') ||
          u.startsWith('blob:'),
      ),
    ).toBe(true);
    await context.close();
  });

  it('replays a run step by step with the network blocked, ending with the same tree', async () => {
    const { context, page, errors } = await newPage(browser);
    const origin = new URL(appUrl()).origin;
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    await ready(page);
    const record = sampleRecord();
    const id = await importViaApi(page, record);
    await page.goto(appUrl(`#/runs/${id}`));
    await page.locator('[data-testid="replay-start"]').click();
    const progress = page.locator('[data-testid="replay-progress"]');
    await expect.poll(() => progress.textContent()).toMatch(/^1 \/ 5 nodes/);
    expect(await treeNodeCount(page)).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => progress.textContent()).toMatch(/^2 \/ 5 nodes/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => progress.textContent()).toMatch(/^1 \/ 5 nodes/);
    await page.locator('select[aria-label^="Replay speed"]').selectOption('8');
    await page.keyboard.press(' ');
    await expect.poll(() => progress.textContent(), { timeout: 20_000 }).toBe('5 / 5 nodes — done');
    expect(await treeNodeCount(page)).toBe(5);
    const ids = await page.locator('[data-testid="tree-svg"] [data-testid="tree-node"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-node-id'))).sort());
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    await screenshot(page, 'runs-replay');
    // The hand-made record is what GIF-MCTS does with these scores, so the search itself rebuilt it.
    expect(await page.locator('[data-testid="replay-notice"]').count()).toBe(0);

    // A record GIF-MCTS cannot have made (an improve under a buggy node, which offers only fix):
    // the replay says where it differs and reveals the recorded nodes instead, ending the same.
    const odd = sampleRecord();
    odd.nodes[3].action = 'improve';
    odd.calls[2].kind = 'improve';
    const oddId = await importViaApi(page, odd);
    await page.goto(appUrl(`#/runs/${oddId}`));
    await page.locator('[data-testid="replay-start"]').click();
    for (let k = 2; k <= 5; k++) {
      await page.locator('[data-testid="replay-step"]').click();
      await expect.poll(() => progress.textContent()).toMatch(new RegExp(`^${k} / 5 nodes`));
    }
    expect(await progress.textContent()).toBe('5 / 5 nodes — done');
    expect(await page.locator('[data-testid="replay-notice"]').textContent()).toMatch(
      /^The rebuilt search differs from the record at node [23] \(the record comes from another version\); replaying the recorded nodes instead\.$/,
    );
    expect(await treeNodeCount(page)).toBe(5);

    // A record the strategy really made replays through the search itself, with no notice.
    const made = await strategies['best-of-n']
      .create({
        spec: getPack('cartpole').spec,
        description: 'd',
        transitions: [],
        llm: scriptedLlm(['a', 'b', 'c'].map((k) => '```js\nclass Environment { // ' + k + '\n}\n```')),
        evaluate: scriptedEvaluate,
        rng: Rng.seeded(2),
        sampling: PAPER_SAMPLING,
        budget: 3,
        seed: 2,
      })
      .run();
    const madeId = await importViaApi(page, made);
    await page.goto(appUrl(`#/runs/${madeId}`));
    await page.locator('[data-testid="replay-start"]').click();
    await expect.poll(() => progress.textContent()).toMatch(/^1 \/ 4 nodes/);
    for (let k = 2; k <= 4; k++) {
      await page.locator('[data-testid="replay-step"]').click();
      await expect.poll(() => progress.textContent()).toMatch(new RegExp(`^${k} / 4 nodes`));
    }
    expect(await progress.textContent()).toBe('4 / 4 nodes — done');
    expect(await page.locator('[data-testid="replay-notice"]').count()).toBe(0);
    expect(await treeNodeCount(page)).toBe(4);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('creates a custom environment from a CSV, pointing at a bad row first', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(appUrl('#/custom'));
    await page.locator('[data-testid="custom-title"]').fill('Tiny grid');
    await page.locator('[data-testid="custom-description"]').fill('A 3 by 2 grid; action 1 moves right, 0 moves up.');
    const csv = 'state_0,state_1,action,next_state_0,next_state_1,reward,done\n0,0,1,1,0,0,false\n1,0,1,2,0,0,false\n2,0,0,2,1,1,true\n';
    await page.locator('[data-testid="custom-text"]').fill(csv.replace('1,0,1,2,0', '1,0,one,2,0'));
    await expect.poll(() => page.locator('[data-testid="custom-errors"]').textContent()).toContain('Line 3 (transition 1): action is "one", not a number.');
    expect(await page.locator('[data-testid="custom-save"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="custom-text"]').fill(csv);
    await expect.poll(() => page.locator('[data-testid="custom-summary"]').textContent()).toBe('3 transitions in 1 trajectories (1 terminal); observation MultiDiscrete(3, 2), action Discrete(2).');
    await page.locator('[data-testid="custom-save"]').click();
    await expect.poll(() => page.locator('[data-testid="custom-saved"]').textContent()).toContain('custom:tiny-grid');
    await screenshot(page, 'runs-custom-env');
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="custom-list"]').textContent()).toContain('Tiny grid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps working in memory and says so when IndexedDB is unavailable (private mode)', async () => {
    const { context, page, errors } = await newPage(browser);
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await ready(page);
    const alert = page.locator('[data-testid="storage-alert"]');
    await expect.poll(async () => ((await alert.count()) ? await alert.textContent() : '')).toMatch(/kept in this tab only: export a run as a file to keep it/);
    expect(await alert.getAttribute('role')).toBe('alert');
    const id = await importViaApi(page, sampleRecord());
    await page.locator('[data-testid="run-row"]').first().waitFor();
    const exported = await page.evaluate((i) => (window as unknown as { cwmPlayground: Api }).cwmPlayground.exportRun(i), id);
    expect(exported).toEqual(sampleRecord());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a settings link sets up the search; a run saves after every node and survives a reload', async () => {
    // A best-of-N run recorded in Node: its prompts depend only on the spec and description, so the
    // page's replay provider accepts it call for call.
    const pack = getPack('cartpole');
    const transitions = await pack.datasets[0].load();
    const programText = (k: number) => `class Environment {\n  setState(s) { this.s = s.slice(); }\n  step(a) { return [this.s, ${k}, false]; }\n}`;
    const source = await strategies['best-of-n']
      .create({
        spec: pack.spec,
        description: pack.spec.description,
        transitions,
        llm: scriptedLlm([0, 1, 2].map((k) => '```js\n' + programText(k) + '\n```')),
        evaluate: scriptedEvaluate,
        rng: Rng.seeded(5),
        sampling: PAPER_SAMPLING,
        budget: 3,
        seed: 5,
      })
      .run();
    expect(source.calls).toHaveLength(3);

    const { context, page, errors } = await newPage(browser);
    await page.goto(appUrl('#settings=env:cartpole,strategy:best-of-n,budget:3,seed:5'));
    await page.waitForFunction(() => location.hash === '#/env/cartpole');
    await page.locator('[data-testid="tab-search"]').click();
    await expect.poll(() => page.locator('[data-testid="run-budget"]').inputValue()).toBe('3');
    expect(await page.locator('[data-testid="run-seed"]').inputValue()).toBe('5');
    expect(await page.locator('[data-testid="strategy-select"]').inputValue()).toBe('best-of-n');

    await page.locator('[data-testid="provider-select"]').selectOption('replay');
    await page.locator('[data-testid="replay-file"]').setInputFiles({ name: 'source.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(source)) });
    await page.locator('[data-testid="step-run"]').click();
    await page.locator('[data-testid="step-run"]').click();
    // Two of three calls done: the saved copy has the root and two scored nodes.
    const savedNodes = () =>
      page.evaluate(async () => {
        const runs = await (window as unknown as { cwmPlayground: Api }).cwmPlayground.runs();
        return runs.map((r) => r.nodes);
      });
    await expect.poll(savedNodes).toEqual([3]);
    await page.reload();
    await page.goto(appUrl('#/runs'));
    await page.locator('[data-testid="run-row"]').first().waitFor();
    expect(await page.locator('[data-testid="run-nodes"]').first().textContent()).toBe('3');
    const saved = await page.evaluate(async () => {
      const api = (window as unknown as { cwmPlayground: Api }).cwmPlayground;
      return api.exportRun((await api.runs())[0].id);
    });
    expect(saved.nodes.map((n) => n.program)).toEqual(['', programText(0), programText(1)]);
    expect(saved.seed).toBe(5);
    expect(saved.strategy).toBe('best-of-n');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('records a custom environment from a user simulator run in the sandbox', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(appUrl('#/custom'));
    await page.locator('[data-testid="custom-title"]').fill('Counter');
    await page.locator('summary', { hasText: 'reference simulator' }).click();
    await page.locator('[data-testid="custom-simulator"]').fill('class Environment {\n  setState(s) { this.s = s; }\n  step(a) { const n = this.s + a; return [n, n >= 3 ? 1 : 0, n >= 3]; }\n}');
    await page.locator('[data-testid="sim-start"]').fill('0');
    await page.locator('[data-testid="sim-actions"]').fill('2');
    await page.locator('input[type="number"]').first().fill('12');
    await page.locator('[data-testid="sim-record"]').click();
    await expect
      .poll(() => page.locator('[data-testid="custom-summary"]').textContent(), { timeout: 60_000 })
      .toMatch(/^12 transitions in \d+ trajectories \(\d+ terminal\); observation Discrete\(4\), action Discrete\(2\)\.$/);
    const rows = (await page.locator('[data-testid="custom-text"]').inputValue()).split('\n').map((l) => JSON.parse(l));
    for (const t of rows) expect(t.next_state).toBe(t.state + t.action);
    await page.locator('[data-testid="custom-save"]').click();
    await expect.poll(() => page.locator('[data-testid="custom-saved"]').textContent()).toContain('custom:counter');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works offline after the first visit (service worker app shell)', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(appUrl('#/'));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    // Visit the runs page once online so its lazily loaded chunk is cached too.
    await page.goto(appUrl('#/runs'));
    await page.getByRole('heading', { name: 'Saved runs' }).waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Saved runs' }).waitFor();
    const cached = await page.evaluate(async () => (await (await caches.open('cwm-shell-v1')).keys()).map((r) => new URL(r.url).origin));
    expect(new Set(cached)).toEqual(new Set([new URL(appUrl()).origin]));
    expect(errors).toEqual([]);
    await context.close();
  });
});
