import type { RunnerJob, RunnerReply } from '../core/cwm/run-candidate';

/**
 * What the sandbox iframe exposes to the page over its MessageChannel (comlink). The page wraps it
 * with `wrap<SandboxApi>(port)`; the iframe implements it in host.ts.
 */
export interface SandboxApi {
  /** Runs one wrapped candidate on encoded inputs in a fresh warm worker; queued when all are busy. */
  run(job: RunnerJob): Promise<RunnerReply>;
  /** Drops a queued job or terminates (and replaces) the worker running it; it replies `cancelled`. */
  cancel(id: number): void;
  /** Number of workers kept warm: hardwareConcurrency − 1, at least 1. */
  poolSize(): number;
}

/** The one window message the iframe sends: it carries the port comlink talks over. */
export const READY_MESSAGE = 'cwm-sandbox-ready';
