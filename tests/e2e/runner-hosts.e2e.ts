import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerHostDocument } from '../../src/sandbox/document';
import { BOOT_URL } from '../../src/sandbox/browser/in-page-host';
import { program } from '../fixtures/programs/index';
import type {} from '../fixtures/programs/page-api';
import { appUrl, launch, newPage } from './browser';

// Where the page's runner workers live (src/sandbox/browser/host.ts): the in-page host for jobs
// with a limit up to 5 s, the isolated host (a sandboxed iframe in a process of its own) for
// longer ones and for planning, and the isolated host for everything when the in-page one cannot
// start workers.

let browser: Browser;
let trap: Server;
let trapUrl: string;
// Every request that reached the trap server: any is a network escape.
const hits: string[] = [];

beforeAll(async () => {
  browser = await launch();
  trap = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('content-type', 'text/javascript');
    res.end('self.leaked = true;');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  trap?.close();
});

/** The browser's targets of one kind (`iframe` is an out-of-process frame, `worker` a worker). */
async function targets(type: string): Promise<string[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.type === type).map((t) => t.url);
}

async function openApp(): Promise<Page> {
  const { page } = await newPage(browser);
  await page.goto(appUrl('#/runs'));
  await page.waitForFunction(() => typeof window.cwmPlayground?.evaluate === 'function');
  return page;
}

function score(page: Page, timeoutMs: number): Promise<number> {
  return page.evaluate(async ({ source, timeoutMs }) => (await window.cwmPlayground!.evaluate({ envId: 'cartpole', program: source, timeoutMs })).score, { source: program('cartpole.js'), timeoutMs });
}

describe('runner hosts', () => {
  it('unmounts the in-page host when the runner code cannot load, and says what to do', async () => {
    const { context, page } = await newPage(browser);
    // The chunk that carries SES and the runner (src/sandbox/browser/sources.ts) fails to arrive
    // (routed for the whole context: a route on the page alone missed it in 6 of 15 tries).
    await context.route(/\/assets\/sources-[^/]*\.js$/, (route) => route.abort());
    await page.goto(appUrl('#/runs'));
    await page.waitForFunction(() => typeof window.cwmPlayground?.evaluate === 'function');
    const result = await page.evaluate((source) => window.cwmPlayground!.evaluate({ envId: 'cartpole', program: source }), program('cartpole.js'));
    expect(result.score).toBe(0);
    expect(result.bug).toMatch(/^could not load the program runner \(.*sources-.*\); reload the page and run the evaluation again$/);
    // The host document may finish loading after the failure: it is removed once it has.
    const gone = await page
      .waitForFunction(() => document.querySelectorAll('iframe[title="Program runner host"]').length === 0, null, { timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    expect(gone).toBe(true);
    await context.close();
  });

  it('scores a job with the default limit in a data: worker in the page’s own process, and a longer one in a sandboxed iframe of its own', async () => {
    const page = await openApp();
    expect(await score(page, 5000)).toBe(1);
    expect(await targets('iframe')).toEqual([]);
    // The pool keeps hardwareConcurrency − 1 workers once used: one or more, all in the in-page host.
    expect((await targets('worker')).filter((u) => u.startsWith('data:text/javascript')).length).toBeGreaterThan(0);
    expect(await score(page, 20_000)).toBe(1);
    // The isolated host's iframe is a target of its own: Chromium gave it another renderer.
    expect(await targets('iframe')).toHaveLength(1);
    await page.close();
  });

  it('falls back to the isolated host when the page’s own CSP forbids data: workers', async () => {
    const { context, page } = await newPage(browser);
    await context.route(appUrl().replace(/#.*$/, ''), async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="worker-src blob:">`);
      await route.fulfill({ response, body: html });
    });
    await page.goto(appUrl('#/runs'));
    await page.waitForFunction(() => typeof window.cwmPlayground?.evaluate === 'function');
    expect(await score(page, 5000)).toBe(1);
    expect(await targets('iframe')).toHaveLength(1);
    expect(await score(page, 5000)).toBe(1);
    await context.close();
  });

  it('leaves code that runs in an in-page worker’s own scope, as if it escaped its compartment, no network, storage or origin', async () => {
    const page = await openApp();
    // The probe runs as the worker's global code, exactly where the runner itself runs.
    const probe = `(async () => {
      const url = ${JSON.stringify(trapUrl)};
      const out = { origin: self.origin };
      const tries = {
        fetch: () => fetch(url + '/fetch'),
        xhr: () => { const x = new XMLHttpRequest(); x.open('GET', url + '/xhr', false); x.send(); },
        importScripts: () => importScripts(url + '/import-scripts.js'),
        dynamicImport: () => import(url + '/import.js'),
        webSocket: () => new Promise((resolve, reject) => { const s = new WebSocket(url.replace('http', 'ws') + '/ws'); s.onopen = resolve; s.onerror = () => reject(new Error('blocked')); }),
        eventSource: () => new Promise((resolve, reject) => { const s = new EventSource(url + '/sse'); s.onopen = resolve; s.onerror = () => { s.close(); reject(new Error('blocked')); }; }),
        indexedDB: () => new Promise((resolve, reject) => { const r = indexedDB.open('probe'); r.onsuccess = resolve; r.onerror = () => reject(r.error); }),
        caches: () => caches.open('probe'),
        nestedWorker: () => new Promise((resolve, reject) => {
          const w = new Worker('data:text/javascript,' + encodeURIComponent('fetch(' + JSON.stringify(url + '/nested') + ').then(() => postMessage("reached"), () => postMessage("blocked"))'));
          w.onmessage = (e) => (e.data === 'reached' ? resolve() : reject(new Error('blocked')));
          w.onerror = () => reject(new Error('blocked'));
        }),
      };
      for (const [name, attempt] of Object.entries(tries)) {
        try { await attempt(); out[name] = 'reached'; } catch (e) { out[name] = 'blocked'; }
      }
      out.leaked = self.leaked === true;
      postMessage(out);
    })();`;
    const result = await page.evaluate(
      ({ hostDocument, bootUrl, probe }) =>
        new Promise<Record<string, unknown>>((resolve) => {
          const iframe = document.createElement('iframe');
          iframe.hidden = true;
          iframe.srcdoc = hostDocument;
          iframe.onload = () => {
            const HostWorker = (iframe.contentWindow as unknown as { Worker: typeof Worker }).Worker;
            const worker = new HostWorker(bootUrl);
            worker.onmessage = (e) => resolve(e.data as Record<string, unknown>);
            worker.postMessage({ source: probe });
          };
          document.body.append(iframe);
        }),
      { hostDocument: workerHostDocument(), bootUrl: BOOT_URL, probe },
    );
    expect(result).toEqual({
      origin: 'null',
      fetch: 'blocked',
      xhr: 'blocked',
      importScripts: 'blocked',
      dynamicImport: 'blocked',
      webSocket: 'blocked',
      eventSource: 'blocked',
      indexedDB: 'blocked',
      caches: 'blocked',
      nestedWorker: 'blocked',
      leaked: false,
    });
    expect(hits).toEqual([]);
    expect(await targets('iframe')).toEqual([]);
    await page.close();
  });
});
