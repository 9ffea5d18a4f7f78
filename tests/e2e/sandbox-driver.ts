import type { Page } from 'playwright-core';
import { sandboxSrcdocFrom } from '../../src/sandbox/browser/srcdoc';
import { umdTexts } from '../../src/sandbox/node/sources';

/**
 * Mounts the app's real sandbox document (built here from the same modules the app bundles) in a
 * page, and speaks its protocol directly: `spawn` a runner worker, then send it requests over its
 * own port. Used by browser tests and benchmarks that need the runner without the app around it.
 */
export async function mountSandbox(page: Page): Promise<void> {
  await page.evaluate((srcdoc) => {
    type Waiting = Map<number, (port: MessagePort) => void>;
    const w = window as unknown as { sandbox: { control: MessagePort; ports: Map<number, MessagePort>; waiting: Waiting; next: number } };
    return new Promise<void>((resolve) => {
      const iframe = document.createElement('iframe');
      iframe.setAttribute('sandbox', 'allow-scripts');
      iframe.srcdoc = srcdoc;
      window.addEventListener('message', (event) => {
        if (event.source !== iframe.contentWindow || !event.ports[0]) return;
        const control = event.ports[0];
        w.sandbox = { control, ports: new Map(), waiting: new Map(), next: 1 };
        control.onmessage = (e) => {
          if (e.data?.op === 'spawned') w.sandbox.waiting.get(e.data.wid)?.(e.ports[0]);
        };
        resolve();
      });
      document.body.append(iframe);
    });
  }, sandboxSrcdocFrom(umdTexts()));
}

/** Starts a runner worker in the mounted sandbox; resolves to its id once it has booted. */
export function spawnWorker(page: Page): Promise<number> {
  return page.evaluate(() => {
    const s = (window as unknown as { sandbox: { control: MessagePort; ports: Map<number, MessagePort>; waiting: Map<number, (p: MessagePort) => void>; next: number } }).sandbox;
    const wid = s.next++;
    return new Promise<number>((resolve) => {
      s.waiting.set(wid, (port) => {
        s.ports.set(wid, port);
        // The worker says when it has booted.
        port.onmessage = (e) => {
          if (e.data?.op === 'ready') resolve(wid);
        };
      });
      s.control.postMessage({ op: 'spawn', wid });
    });
  });
}

/**
 * Sends requests to one worker in order, each after the previous reply; a request without a
 * reply within `timeoutMs` ends the worker (as the app does) and gives 'timeout'.
 */
export function drive(page: Page, wid: number, messages: object[], timeoutMs = 10_000): Promise<unknown[]> {
  return page.evaluate(
    async ({ wid, messages, timeoutMs }) => {
      const s = (window as unknown as { sandbox: { control: MessagePort; ports: Map<number, MessagePort> } }).sandbox;
      const port = s.ports.get(wid)!;
      const replies: unknown[] = [];
      for (const m of messages) {
        if ((m as { op: string }).op === 'prepare') {
          port.postMessage(m);
          continue;
        }
        const reply = await new Promise<unknown>((resolve) => {
          const timer = setTimeout(() => {
            s.control.postMessage({ op: 'kill', wid });
            resolve('timeout');
          }, timeoutMs);
          port.onmessage = (e) => {
            clearTimeout(timer);
            resolve(e.data);
          };
          port.postMessage(m);
        });
        replies.push(reply);
        if (reply === 'timeout') break;
      }
      return replies;
    },
    { wid, messages, timeoutMs },
  );
}
