import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../envs/index';
import { evaluateProgram } from '../../src/core/cwm/evaluate';
import type { EvalResult } from '../../src/core/cwm/types';
import type { Transition } from '../../src/core/env/types';
import { createNodeRunner, type NodeRunner } from '../../src/sandbox/node/pool';
import { HOSTILE, PATCH_PRELUDE } from '../fixtures/programs/hostile';
import { cartpoleWith, IDENTITY, program } from '../fixtures/programs/index';
import type { PageApi } from '../fixtures/programs/page-api';
import { appUrl, launch, newPage } from './browser';

// Planted in the app's storage before any candidate runs; it must never appear in a request.
const SECRET = 'cwm-secret-7f3a9c1e5b';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: string;
let sample: Transition[];
const requests: { url: string; body: string }[] = [];

function evaluate(request: Parameters<PageApi['evaluate']>[0]): Promise<EvalResult> {
  return page.evaluate((r) => window.cwmPlayground!.evaluate(r), request);
}

async function correctScore(): Promise<number> {
  return (await evaluate({ envId: 'cartpole', program: program('cartpole.js'), transitions: sample })).score;
}

beforeAll(async () => {
  sample = (await getPack('cartpole').datasets[0].load()).slice(0, 40);
  browser = await launch();
  ({ context, page } = await newPage(browser));
  origin = new URL(appUrl()).origin;
  // Every request of every page, frame and worker; anything leaving the app's origin is also cut.
  context.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(appUrl());
  await page.waitForFunction(() => typeof window.cwmPlayground?.evaluate === 'function');
  await page.evaluate(async (secret) => {
    localStorage.setItem('cwm-secret', secret);
    document.cookie = `cwm-secret=${secret}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('cwm-secret-test', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('keys');
      open.onsuccess = () => {
        const tx = open.result.transaction('keys', 'readwrite');
        tx.objectStore('keys').put(secret, 'apiKey');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
    // Record every window message the page receives, to catch forged ones.
    (window as unknown as { seen: unknown[] }).seen = [];
    window.addEventListener('message', (e) => (window as unknown as { seen: unknown[] }).seen.push(JSON.stringify(e.data) ?? String(e.data)));
  }, SECRET);
});

afterAll(async () => {
  await browser?.close();
});

describe('the browser sandbox', () => {
  it('scores a correct program 1 on the default CWMB dataset', async () => {
    const result = await evaluate({ envId: 'cartpole', program: program('cartpole.js') });
    expect(result).toMatchObject({ score: 1, bug: null, total: 402, correct: 402, solved: true });
  });

  it('keeps the pool at hardwareConcurrency − 1 warm workers, at least one', async () => {
    const size = await page.evaluate(() => Math.max(1, navigator.hardwareConcurrency - 1));
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(size);
  });

  for (const h of HOSTILE) {
    it(`contains a program that ${h.name}`, async () => {
      const result = await evaluate({ envId: 'cartpole', program: h.program, transitions: sample, timeoutMs: 1000 });
      expect(result.score).toBe(0);
      expect(result.bug).toMatch(h.browserBug ?? h.bug);
      expect(await correctScore()).toBe(1);
    });
  }

  it('does not let patched built-ins raise a score or reach the next candidate', async () => {
    const plain = cartpoleWith('return [this.state.map((x) => x + 0.001), 1, false];');
    const base = await evaluate({ envId: 'cartpole', program: plain, transitions: sample });
    const patched = await evaluate({ envId: 'cartpole', program: PATCH_PRELUDE + '\n' + plain, transitions: sample });
    expect(base.bug).toBeNull();
    expect(patched.score).toBeLessThanOrEqual(base.score);
    expect(patched.score).toBeLessThan(1);
    expect(await correctScore()).toBe(1);
  });

  it('does not let a half-done name lookup reach the next candidate', async () => {
    const probe = cartpoleWith('"ww" in globalThis; return [this.state, 1, false];');
    const reader = 'const ww = globalThis.ww === undefined ? 0 : 1;\n' + program('cartpole.js');
    expect((await evaluate({ envId: 'cartpole', program: probe, transitions: sample })).bug).toBeNull();
    expect(await evaluate({ envId: 'cartpole', program: reader, transitions: sample })).toMatchObject({ score: 1, bug: null });
  });

  it("replaces a worker where a candidate switched V8's fast paths off or grew the Symbol.for registry, and no other", async () => {
    await correctScore();
    let closed = 0;
    const watched = page.workers();
    expect(watched.length).toBeGreaterThan(0);
    for (const w of watched) w.once('close', () => closed++);
    // The health check runs a few ms after each reply, while the worker idles.
    for (let i = 0; i < 10; i++) {
      expect(await correctScore()).toBe(1);
      await page.waitForTimeout(50);
    }
    expect(closed).toBe(0);
    const spoil = cartpoleWith('return [this.state, 1, false];', { top: 'Object.defineProperty([], "constructor", { value: {} });\n' });
    expect((await evaluate({ envId: 'cartpole', program: spoil, transitions: sample })).bug).toBeNull();
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(1);
    expect(await correctScore()).toBe(1);
    // The same for a candidate that grew the Symbol.for registry (which V8 never frees) by 5 million characters.
    for (const w of page.workers().filter((x) => !watched.includes(x))) w.once('close', () => closed++);
    const hoard = cartpoleWith('return [this.state, 1, false];', { top: 'for (let i = 0; i < 50; i++) Symbol.for("k".repeat(100000) + i);\n' });
    expect((await evaluate({ envId: 'cartpole', program: hoard, transitions: sample })).bug).toBeNull();
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(2);
    expect(await correctScore()).toBe(1);
  });

  it('keeps scoring queued work while one job times out', async () => {
    const [stuck, fine] = await page.evaluate(
      ({ loop, good, transitions }) => {
        const api = window.cwmPlayground!;
        return Promise.all([api.evaluate({ envId: 'cartpole', program: loop, transitions, timeoutMs: 800 }), api.evaluate({ envId: 'cartpole', program: good, transitions, timeoutMs: 800 })]);
      },
      { loop: cartpoleWith('for (;;) {}'), good: program('cartpole.js'), transitions: sample },
    );
    expect(stuck.bug).toBe('timed out after 0.8 s');
    expect(fine.score).toBe(1);
  });

  it('cancels stale jobs, running or queued, through an AbortSignal', async () => {
    const outcome = await page.evaluate(
      async ({ loop, good, transitions }) => {
        const api = window.cwmPlayground!;
        const controller = new AbortController();
        // A minute-long limit: only cancelling can end these in time for the next evaluation.
        const running = api.evaluate({ envId: 'cartpole', program: loop, transitions, timeoutMs: 60_000, signal: controller.signal });
        const queued = api.evaluate({ envId: 'cartpole', program: loop, transitions, timeoutMs: 60_000, signal: controller.signal });
        await new Promise((r) => setTimeout(r, 200));
        controller.abort();
        const settled = await Promise.allSettled([running, queued]);
        const after = await api.evaluate({ envId: 'cartpole', program: good, transitions, timeoutMs: 5000 });
        return { reasons: settled.map((s) => (s.status === 'rejected' ? String((s.reason as Error).name) : 'resolved')), score: after.score };
      },
      { loop: cartpoleWith('for (;;) {}'), good: program('cartpole.js'), transitions: sample },
    );
    expect(outcome).toEqual({ reasons: ['AbortError', 'AbortError'], score: 1 });
  });

  it('scores each job against its own dataset when jobs for two datasets interleave', async () => {
    const a = sample.slice(0, 25);
    const b = sample.slice(25, 40);
    const results = await page.evaluate(
      ({ good, identity, a, b }) => {
        const api = window.cwmPlayground!;
        const jobs: [string, unknown[]][] = [
          [good, a],
          [identity, b],
          [good, b],
          [identity, a],
          [good, a],
        ];
        return Promise.all(jobs.map(([program, transitions]) => api.evaluate({ envId: 'cartpole', program, transitions: transitions as never })));
      },
      { good: program('cartpole.js'), identity: IDENTITY, a, b },
    );
    expect(results.map((r) => [r.total, r.correct, r.score === 1])).toEqual([
      [25, 25, true],
      [15, 0, false],
      [15, 15, true],
      [25, 0, false],
      [25, 25, true],
    ]);
  });

  it('never lets the planted secret or any request leave the app origin', async () => {
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // The only window message the page ever got is the sandbox handshake.
    expect(seen.filter((m) => !m.includes('cwm-sandbox-ready'))).toEqual([]);
    const outside = requests.filter((r) => !r.url.startsWith(origin + '/') && !r.url.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(requests.filter((r) => r.url.includes(SECRET) || r.body.includes(SECRET))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});

describe('browser and Node agree', () => {
  let runner: NodeRunner;
  beforeAll(() => {
    runner = createNodeRunner({ poolSize: 1 });
  });
  afterAll(() => runner.close());

  const moving = `class Environment {
  setState(state) { this.state = state; }
  step(action) {
    const a = Array.isArray(action) ? action[0] : action;
    const s = Array.isArray(this.state) ? this.state.map((x, i) => x + 0.01 * a * (i + 1)) : (this.state + a) % 7;
    return [s, a > 0 ? 1 : -1, Math.abs(a) > 1];
  }
}`;
  const buggy = 'class Environment {\n  setState(state) { this.state = state; }\n  step(action) {\n    return this.model.predict(action);\n  }\n}';

  it('on every environment pack, for the same programs and data', async () => {
    const ids = await page.evaluate(() => window.cwmPlayground!.envs());
    expect(ids.length).toBeGreaterThanOrEqual(18);
    const missing: string[] = [];
    for (const envId of ids) {
      const pack = getPack(envId);
      let data: Transition[];
      try {
        data = await pack.datasets[0].load();
      } catch (e) {
        missing.push(`${envId}: ${(e as Error).message}`);
        continue;
      }
      const programs = [IDENTITY, moving, buggy];
      if (envId === 'cartpole') programs.push(program('cartpole.js'));
      if (envId === 'acrobot') programs.push(program('acrobot.js'));
      for (const source of programs) {
        for (const reward of ['tolerant', 'paper'] as const) {
          const inBrowser = await evaluate({ envId, program: source, reward });
          const inNode = await evaluateProgram(runner, source, data, pack.spec, { reward });
          expect(inBrowser, `${envId} (${reward})`).toEqual(inNode);
        }
      }
    }
    // A pack whose data is missing is reported here, never skipped silently.
    expect(missing).toEqual([]);
  });
});
