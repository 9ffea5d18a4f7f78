import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../envs/index';
import { createPlanner, encodeObs, plannerConfig } from '../../src/core/plan/index';
import { SANDBOX_CSP } from '../../src/sandbox/document';
import { sandboxSrcdocFrom } from '../../src/sandbox/browser/srcdoc';
import { umdTexts } from '../../src/sandbox/node/sources';
import { program } from '../fixtures/programs/index';
import { appUrl, launch, newPage } from './browser';
import { drive, mountSandbox, spawnWorker } from './sandbox-driver';

// Planning in the program runner's worker (src/sandbox/realm/plan-source.ts), driven over the
// sandbox's own protocol exactly as openBrowserModelSession does.

let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  const origin = new URL(appUrl()).origin;
  page.on('request', (r) => requests.push(r.url()));
  await page.context().route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(appUrl());
  await mountSandbox(page);
});

afterAll(async () => {
  await browser?.close();
});

type Reply = { ok: boolean; action?: unknown; message?: string };

describe('planning in the program runner, in Chromium', () => {
  it('carries the sandbox CSP: nothing but inline and blob: scripts, no network', () => {
    expect(sandboxSrcdocFrom(umdTexts())).toContain(`<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`);
    expect(SANDBOX_CSP).toBe("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:");
  });

  it('plans CartPole with a correct program exactly like the trusted planner for the same seed', async () => {
    const pack = getPack('cartpole');
    const config = plannerConfig(pack.spec, 3, { mcts: { simulations: 10, rolloutDepth: 20 } });
    const obs = [0.01, -0.02, 0.03, 0.04];
    const local = createPlanner(pack.createSimulator!(), config);
    const expected = Array.from({ length: 10 }, () => local.act(obs));
    const wid = await spawnWorker(page);
    const acts = Array.from({ length: 10 }, (_, i) => ({ op: 'act', id: i + 2, obs: encodeObs(obs) }));
    const replies = (await drive(page, wid, [{ op: 'plan-open', id: 1, program: program('cartpole.js'), file: 'candidate.js', config: JSON.stringify(config), seed: 3 }, ...acts])) as Reply[];
    expect(replies[0]).toMatchObject({ ok: true, logs: [], id: 1 });
    expect(replies.slice(1).map((r) => r.action)).toEqual(expected);
  });

  it('never answers for a model that loops, so the host ends its worker', async () => {
    const config = plannerConfig(getPack('cartpole').spec, 0, { mcts: { simulations: 4, rolloutDepth: 4 } });
    const wid = await spawnWorker(page);
    const replies = await drive(
      page,
      wid,
      [
        { op: 'plan-open', id: 1, program: program('plan/hostile-loop.js'), file: 'candidate.js', config: JSON.stringify(config), seed: 0 },
        { op: 'act', id: 2, obs: '[0,0,0,0]' },
      ],
      500,
    );
    expect(replies).toMatchObject([{ ok: true, logs: [], id: 1 }, 'timeout']);
  });

  it('gives the model no network, storage, messaging or timers, and reports its errors as text', async () => {
    const config = plannerConfig(getPack('cliffwalking').spec, 0, { mcts: { simulations: 4, rolloutDepth: 4 } });
    const probes = ['fetch', 'XMLHttpRequest', 'importScripts', 'postMessage', 'indexedDB', 'setTimeout', 'OffscreenCanvas', 'WebAssembly'];
    const wid = await spawnWorker(page);
    const replies = (await drive(
      page,
      wid,
      probes.map((name, i) => ({
        op: 'plan-open',
        id: i + 1,
        program: `class Environment { constructor() { ${name}('https://example.com/leak'); } }`,
        file: 'candidate.js',
        config: JSON.stringify(config),
        seed: 0,
      })),
    )) as Reply[];
    expect(replies.map((r) => r.message)).toEqual(probes.map((name) => `ReferenceError: ${name} is not defined`));
    expect(requests.filter((u) => u.includes('example.com'))).toEqual([]);
  });
});
