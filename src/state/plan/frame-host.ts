/** What the page bakes into the planning iframe's document. */
export interface PlanHostConfig {
  workerSource: string;
  readyMessage: string;
}

/** A request from the page to the planning iframe, over the MessageChannel port. */
export type PlanHostRequest =
  | { op: 'open'; sid: number; id: number; program: string; config: string; timeoutMs: number }
  | { op: 'act' | 'reset'; sid: number; id: number; text?: string; timeoutMs: number }
  | { op: 'close'; sid: number };

/** An answer of the planning iframe: the glue's text, or how the worker was lost. */
export type PlanHostReply = { sid: number; id: number; text: string } | { sid: number; id: number; lost: 'timeout' | 'crashed'; message?: string };

/**
 * The program of the planning iframe, injected into its document as `(${planFrameHost})(config)`,
 * so it must not refer to anything outside its own body. One worker per session (the model and
 * its planner keep their state between actions); a request that outlives its limit terminates
 * that worker and answers `lost: 'timeout'`. Replies are accepted only from the worker a request
 * went to, and only with the id of the pending request.
 */
export function planFrameHost(config: PlanHostConfig): void {
  interface Session {
    worker: Worker;
    pending: { id: number; timer: ReturnType<typeof setTimeout> } | null;
  }
  const url = URL.createObjectURL(new Blob([config.workerSource], { type: 'text/javascript' }));
  const sessions = new Map<number, Session>();
  const channel = new MessageChannel();
  const port = channel.port1;

  function lose(sid: number, lost: 'timeout' | 'crashed', message?: string): void {
    const s = sessions.get(sid);
    if (!s) return;
    sessions.delete(sid);
    s.worker.terminate();
    if (s.pending) {
      clearTimeout(s.pending.timer);
      port.postMessage({ sid, id: s.pending.id, lost, message });
    }
  }

  function send(sid: number, s: Session, id: number, timeoutMs: number, message: unknown): void {
    s.pending = { id, timer: setTimeout(() => lose(sid, 'timeout'), timeoutMs) };
    s.worker.postMessage(message);
  }

  port.onmessage = (event: MessageEvent) => {
    const r = event.data as PlanHostRequest;
    if (r.op === 'close') {
      const s = sessions.get(r.sid);
      if (s) s.worker.terminate();
      sessions.delete(r.sid);
      return;
    }
    if (r.op === 'open') {
      const worker = new Worker(url);
      const s: Session = { worker, pending: null };
      sessions.set(r.sid, s);
      worker.onmessage = (e: MessageEvent) => {
        const data = e.data as { id?: unknown; text?: unknown } | null;
        if (!s.pending || !data || data.id !== s.pending.id || typeof data.text !== 'string') return lose(r.sid, 'crashed', 'the planning worker sent a malformed answer');
        clearTimeout(s.pending.timer);
        const id = s.pending.id;
        s.pending = null;
        port.postMessage({ sid: r.sid, id, text: data.text });
      };
      worker.onmessageerror = () => lose(r.sid, 'crashed', 'the planning worker sent an unreadable answer');
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        lose(r.sid, 'crashed', `the planning worker failed: ${e.message || 'unknown error'}`);
      };
      send(r.sid, s, r.id, r.timeoutMs, { id: r.id, op: 'start', program: r.program, config: r.config });
      return;
    }
    const s = sessions.get(r.sid);
    if (!s) return port.postMessage({ sid: r.sid, id: r.id, lost: 'crashed', message: 'the planning session is gone' });
    send(r.sid, s, r.id, r.timeoutMs, { id: r.id, op: r.op, text: r.text });
  };
  // The page checks that this message comes from this iframe (event.source) before using the port.
  parent.postMessage({ type: config.readyMessage }, '*', [channel.port2]);
}
