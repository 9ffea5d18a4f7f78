import { workerHostDocument } from '../document';
import { HostUnavailableError, loadRunnerSources, oneHostPerPage, type RunnerHost } from './host';

/** How long a new worker may take to boot (load SES, lock down, build its first compartment). */
const SPAWN_LIMIT_MS = 30_000;

/**
 * The whole script of the `data:` URL every in-page runner worker starts from: it runs the runner
 * source the page sends it, once, as global code. The source itself travels as a message because
 * a URL carrying SES and acorn (~0.5 MB) would come close to what browsers accept in a URL.
 */
const BOOT = 'self.onmessage = function (event) { self.onmessage = null; (0, eval)(event.data.source); };';

/** The URL of every in-page runner worker. */
export const BOOT_URL = `data:text/javascript;charset=utf-8,${encodeURIComponent(BOOT)}`;

type WorkerConstructor = new (url: string) => Worker;

/** Mounts the host document: a hidden same-origin iframe that holds nothing but its CSP. */
function mountHostDocument(): Promise<{ Worker: WorkerConstructor; remove(): void }> {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.title = 'Program runner host';
  iframe.hidden = true;
  iframe.srcdoc = workerHostDocument();
  return new Promise((resolve, reject) => {
    iframe.onload = () => {
      const HostWorker = (iframe.contentWindow as { Worker?: WorkerConstructor } | null)?.Worker;
      if (typeof HostWorker === 'function') resolve({ Worker: HostWorker, remove: () => iframe.remove() });
      else {
        iframe.remove();
        reject(new HostUnavailableError('this browser gives the runner host document no workers'));
      }
    };
    document.body.append(iframe);
  });
}

let nextWid = 1;

async function openHost(forget: (host: RunnerHost) => void): Promise<RunnerHost> {
  const mounting = mountHostDocument();
  mounting.catch(() => {}); // awaited below; until then a refusal is not an unhandled rejection
  let sources: Awaited<ReturnType<typeof loadRunnerSources>>;
  try {
    sources = await loadRunnerSources();
  } catch (error) {
    // Unmount the host, so the next try mounts one afresh.
    mounting.then(
      (m) => m.remove(),
      () => {},
    );
    throw error;
  }
  const mounted = await mounting;
  const source = sources.runnerWorker();
  const workers = new Map<number, Worker>();
  // Until one worker has booted, a failure to start one means this browser cannot host them here.
  let booted = false;
  const startFailure = (message: string) => (booted ? new Error(`${message}; run the evaluation again (reload the page if it repeats)`) : new HostUnavailableError(message));

  const self: RunnerHost = {
    spawn(onDied) {
      const wid = nextWid++;
      return new Promise((resolve, reject) => {
        let worker: Worker;
        try {
          // The host document's constructor: the worker inherits that document's CSP, not the page's.
          worker = new mounted.Worker(BOOT_URL);
        } catch (error) {
          reject(startFailure(`the browser refused to start a runner worker (${error instanceof Error ? error.message : String(error)})`));
          return;
        }
        workers.set(wid, worker);
        let ready = false;
        const timer = setTimeout(() => {
          self.kill(wid);
          reject(startFailure('a runner worker did not start within 30 s'));
        }, SPAWN_LIMIT_MS);
        worker.onerror = (event: ErrorEvent) => {
          event.preventDefault();
          self.kill(wid);
          const message = event.message || 'the evaluator worker failed';
          if (ready) return onDied(message);
          clearTimeout(timer);
          reject(startFailure(`a runner worker failed while starting: ${message}`));
        };
        const link = new MessageChannel();
        // The worker says when it has booted; a job's time limit starts only then.
        link.port2.onmessage = (event: MessageEvent) => {
          if ((event.data as { op?: unknown } | null)?.op !== 'ready') return;
          ready = booted = true;
          clearTimeout(timer);
          link.port2.onmessage = null;
          resolve({ wid, port: link.port2 });
        };
        worker.postMessage({ source });
        worker.postMessage({ port: link.port1 }, [link.port1]);
      });
    },
    kill(wid) {
      workers.get(wid)?.terminate();
      workers.delete(wid);
    },
    dispose() {
      for (const worker of workers.values()) worker.terminate();
      workers.clear();
      mounted.remove();
      forget(self);
    },
  };
  return self;
}

/**
 * The page's in-page runner host, mounted on first use: runner workers started from a `data:`
 * URL (an opaque origin: none of the app's storage, cookies or caches) by a same-origin iframe
 * whose CSP allows no network at all, which they inherit. They live in the page's renderer
 * process, so a job's round trip is a thread hop, not a process hop.
 */
export const inPageHost = oneHostPerPage(openHost);
