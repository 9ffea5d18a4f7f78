import { mountSandboxFrame } from '../mount';
import type { FrameEvent, FrameRequest } from './frame-host';
import { loadRunnerSources, oneHostPerPage, type RunnerHost } from './host';

/** How long the iframe may take to hand over a new worker's port. */
const SPAWN_LIMIT_MS = 30_000;

let nextWid = 1;

async function openFrame(forget: (host: RunnerHost) => void): Promise<RunnerHost> {
  const { sandboxSrcdoc, READY_MESSAGE } = await loadRunnerSources();
  const { port, dispose } = await mountSandboxFrame({
    srcdoc: sandboxSrcdoc(),
    title: 'Program runner sandbox',
    readyMessage: READY_MESSAGE,
    startError: () => new Error('the evaluator sandbox did not start; reload the page (a browser extension blocking iframes or workers can cause this)'),
  });
  const spawning = new Map<number, (port: MessagePort) => void>();
  const died = new Map<number, (message: string) => void>();
  port.onmessage = (event: MessageEvent) => {
    const e = event.data as FrameEvent;
    if (e?.op === 'spawned' && event.ports[0]) spawning.get(e.wid)?.(event.ports[0]);
    else if (e?.op === 'died') died.get(e.wid)?.(typeof e.message === 'string' ? e.message : 'the evaluator worker failed');
  };
  const self: RunnerHost = {
    spawn(onDied) {
      const wid = nextWid++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          spawning.delete(wid);
          self.dispose();
          reject(new Error('the evaluator sandbox stopped answering; run the evaluation again (reload the page if it repeats)'));
        }, SPAWN_LIMIT_MS);
        spawning.set(wid, (workerPort) => {
          spawning.delete(wid);
          died.set(wid, onDied);
          // The worker says when it has booted; a job's time limit starts only then.
          workerPort.onmessage = (e: MessageEvent) => {
            if ((e.data as { op?: unknown } | null)?.op !== 'ready') return;
            clearTimeout(timer);
            workerPort.onmessage = null;
            resolve({ wid, port: workerPort });
          };
        });
        port.postMessage({ op: 'spawn', wid } satisfies FrameRequest);
      });
    },
    kill(wid) {
      died.delete(wid);
      port.postMessage({ op: 'kill', wid } satisfies FrameRequest);
    },
    dispose() {
      dispose();
      forget(self);
    },
  };
  return self;
}

/**
 * The page's isolated runner host: one sandbox iframe (an opaque origin with its own CSP, see
 * ../mount.ts, in a renderer process of its own where the browser isolates such frames), mounted
 * on first use; a new one is mounted on the next use after it failed or stopped answering.
 */
export const isolatedHost = oneHostPerPage(openFrame);
