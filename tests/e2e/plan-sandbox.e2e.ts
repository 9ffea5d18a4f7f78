import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../envs/index';
import { wrapProgram } from '../../src/core/cwm/harness';
import { createPlanner, encodeObs, guardProgram, plannerConfig } from '../../src/core/plan/index';
import { SANDBOX_CSP } from '../../src/sandbox/srcdoc';
import { PLAN_CSP, planSrcdoc } from '../../src/state/plan/srcdoc';
import { program } from '../fixtures/programs/index';
import { appUrl, launch, newPage } from './browser';

// The planning sandbox (src/state/plan): the real iframe document and worker source, driven over
// the iframe's port exactly as openBrowserModelSession does. The document is built here in Node
// from the same modules the app bundles.

let browser: Browser;
let page: Page;
const requests: string[] = [];

type Reply = { sid: number; id: number; text?: string; lost?: string; message?: string };

/** Sends requests to the planning iframe and returns its replies, in order. */
function drive(messages: object[]): Promise<Reply[]> {
  return page.evaluate(
    (messages) =>
      new Promise<Reply[]>((resolve) => {
        const port = (window as unknown as { planPort: MessagePort }).planPort;
        const replies: Reply[] = [];
        let left = messages.filter((m) => (m as { op: string }).op !== 'close').length;
        port.onmessage = (e) => {
          replies.push(e.data);
          if (--left === 0) resolve(replies);
          else port.postMessage(messages[replies.length]);
        };
        port.postMessage(messages[0]);
      }),
    messages,
  );
}

beforeAll(async () => {
  browser = await launch();
  ({ page } = await newPage(browser));
  const origin = new URL(appUrl()).origin;
  page.on('request', (r) => requests.push(r.url()));
  await page.context().route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(appUrl());
  await page.evaluate(
    (srcdoc) =>
      new Promise<void>((resolve) => {
        const iframe = document.createElement('iframe');
        iframe.setAttribute('sandbox', 'allow-scripts');
        iframe.srcdoc = srcdoc;
        window.addEventListener('message', (event) => {
          if (event.source !== iframe.contentWindow || !event.ports[0]) return;
          (window as unknown as { planPort: MessagePort }).planPort = event.ports[0];
          resolve();
        });
        document.body.append(iframe);
      }),
    planSrcdoc(),
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('planning sandbox in Chromium', () => {
  it('carries the evaluator sandbox CSP', () => {
    expect(PLAN_CSP).toBe(SANDBOX_CSP);
    expect(planSrcdoc()).toContain(`<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`);
  });

  it('plans CartPole with a correct program exactly like the trusted planner for the same seed', async () => {
    const pack = getPack('cartpole');
    const config = plannerConfig(pack.spec, 3, { mcts: { simulations: 10, rolloutDepth: 20 } });
    const obs = [0.01, -0.02, 0.03, 0.04];
    const local = createPlanner(pack.createSimulator!(), config);
    const expected = Array.from({ length: 10 }, () => local.act(obs));
    const source = guardProgram(wrapProgram(program('cartpole.js')));
    const acts = Array.from({ length: 10 }, (_, i) => ({ op: 'act', sid: 1, id: i + 2, text: encodeObs(obs), timeoutMs: 5000 }));
    const replies = await drive([{ op: 'open', sid: 1, id: 1, program: source, config: JSON.stringify(config), timeoutMs: 5000 }, ...acts]);
    expect(replies[0]).toEqual({ sid: 1, id: 1, text: '{"ok":true}' });
    expect(replies.slice(1).map((r) => JSON.parse(r.text!).action)).toEqual(expected);
  });

  it('terminates a model that never returns and says it timed out', async () => {
    const config = plannerConfig(getPack('cartpole').spec, 0, { mcts: { simulations: 4, rolloutDepth: 4 } });
    const source = guardProgram(wrapProgram(program('plan/hostile-loop.js')));
    const replies = await drive([
      { op: 'open', sid: 2, id: 1, program: source, config: JSON.stringify(config), timeoutMs: 5000 },
      { op: 'act', sid: 2, id: 2, text: '[0,0,0,0]', timeoutMs: 300 },
      { op: 'act', sid: 2, id: 3, text: '[0,0,0,0]', timeoutMs: 300 },
    ]);
    expect(replies).toEqual([
      { sid: 2, id: 1, text: '{"ok":true}' },
      { sid: 2, id: 2, lost: 'timeout' },
      { sid: 2, id: 3, lost: 'crashed', message: 'the planning session is gone' },
    ]);
  });

  it('gives the model no network, storage or messaging, and reports its errors as text', async () => {
    const config = plannerConfig(getPack('cliffwalking').spec, 0, { mcts: { simulations: 4, rolloutDepth: 4 } });
    const probes = ['fetch', 'XMLHttpRequest', 'importScripts', 'postMessage', 'indexedDB', 'setTimeout'];
    const messages = probes.map((name, i) => ({
      op: 'open',
      sid: 10 + i,
      id: 1,
      program: guardProgram(wrapProgram(`class Environment { constructor() { if (typeof ${name} !== 'undefined') ${name}('https://example.com/leak'); throw new Error('${name} is gone'); } }`)),
      config: JSON.stringify(config),
      timeoutMs: 5000,
    }));
    const replies = await drive(messages);
    expect(replies.map((r) => JSON.parse(r.text!).message)).toEqual(probes.map((name) => `Error: ${name} is gone`));
    expect(requests.filter((u) => u.includes('example.com'))).toEqual([]);
  });
});
