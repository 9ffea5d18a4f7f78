import { wrap, type Remote } from 'comlink';
import { READY_MESSAGE, type SandboxApi } from './contract';
import { mountSandboxFrame } from './mount';
import { sandboxSrcdoc } from './srcdoc';

/** A mounted sandbox iframe and the typed API of its worker pool. */
export interface Sandbox {
  api: Remote<SandboxApi>;
  /** Removes the iframe; its workers end with it. */
  dispose(): void;
}

/** Mounts the evaluator sandbox (see `mountSandboxFrame`) and wraps its pool's comlink API. */
export async function openSandbox(options: { poolSize?: number } = {}): Promise<Sandbox> {
  const { port, dispose } = await mountSandboxFrame({
    srcdoc: sandboxSrcdoc(options),
    title: 'Evaluator sandbox',
    readyMessage: READY_MESSAGE,
    startError: () => new Error('the evaluator sandbox did not start; reload the page (a browser extension blocking iframes or workers can cause this)'),
  });
  return { api: wrap<SandboxApi>(port), dispose };
}
