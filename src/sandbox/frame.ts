import { wrap, type Remote } from 'comlink';
import { READY_MESSAGE, type SandboxApi } from './contract';
import { sandboxSrcdoc } from './srcdoc';

/** A mounted sandbox iframe and the typed API of its worker pool. */
export interface Sandbox {
  api: Remote<SandboxApi>;
  /** Removes the iframe; its workers end with it. */
  dispose(): void;
}

/** How long the iframe may take to start before we give up on it. */
const START_LIMIT_MS = 15_000;

/**
 * Mounts the evaluator sandbox: an `<iframe sandbox="allow-scripts">` without
 * `allow-same-origin` (an opaque origin: none of the app's storage, cookies or DOM), whose
 * document carries its own CSP. The page accepts exactly one window message, and only when its
 * `event.source` is this iframe; everything after goes over the MessageChannel port it carries.
 */
export function openSandbox(options: { poolSize?: number } = {}): Promise<Sandbox> {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.title = 'Evaluator sandbox';
  iframe.hidden = true;
  iframe.srcdoc = sandboxSrcdoc(options);
  return new Promise<Sandbox>((resolve, reject) => {
    const stop = () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow) return;
      const port = event.ports[0];
      if ((event.data as { type?: unknown } | null)?.type !== READY_MESSAGE || !port) return;
      stop();
      resolve({ api: wrap<SandboxApi>(port), dispose: () => iframe.remove() });
    };
    const timer = setTimeout(() => {
      stop();
      iframe.remove();
      reject(new Error('the evaluator sandbox did not start; reload the page (a browser extension blocking iframes or workers can cause this)'));
    }, START_LIMIT_MS);
    window.addEventListener('message', onMessage);
    document.body.append(iframe);
  });
}
