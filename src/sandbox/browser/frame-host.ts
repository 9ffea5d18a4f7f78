/** What the page bakes into the sandbox document. */
export interface FrameHostConfig {
  workerSource: string;
  readyMessage: string;
}

/** A request from the page to the sandbox iframe, over the port the iframe sent. */
export type FrameRequest = { op: 'spawn'; wid: number } | { op: 'kill'; wid: number };

/** What the iframe tells the page: a worker is up (its port is transferred), or it died. */
export type FrameEvent = { op: 'spawned'; wid: number } | { op: 'died'; wid: number; message: string };

/**
 * The program of the sandbox iframe, injected into its document as `(${sandboxFrameHost})(config)`,
 * so it must not refer to anything outside its own body. It only starts and ends runner workers:
 * for each `spawn` it starts one from the runner source and hands the page one end of a new
 * MessageChannel whose other end goes to the worker, so jobs and replies then flow page ↔ worker
 * directly, without a hop through this document.
 */
export function sandboxFrameHost(config: FrameHostConfig): void {
  const url = URL.createObjectURL(new Blob([config.workerSource], { type: 'text/javascript' }));
  const workers = new Map<number, Worker>();
  const channel = new MessageChannel();
  const page = channel.port1;

  page.onmessage = (event: MessageEvent) => {
    const r = event.data as FrameRequest;
    if (r?.op === 'kill') {
      workers.get(r.wid)?.terminate();
      workers.delete(r.wid);
      return;
    }
    if (r?.op !== 'spawn' || typeof r.wid !== 'number') return;
    const worker = new Worker(url);
    workers.set(r.wid, worker);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      worker.terminate();
      workers.delete(r.wid);
      page.postMessage({ op: 'died', wid: r.wid, message: e.message || 'the evaluator worker failed' } satisfies FrameEvent);
    };
    const link = new MessageChannel();
    worker.postMessage({ port: link.port1 }, [link.port1]);
    page.postMessage({ op: 'spawned', wid: r.wid } satisfies FrameEvent, [link.port2]);
  };
  // The page checks that this message comes from this iframe (event.source) before using the port.
  parent.postMessage({ type: config.readyMessage }, '*', [channel.port2]);
}
