import { parseRunnerReply, type RunnerReply } from '../../core/cwm/run-candidate';
import type { StructuredRunner } from '../../core/cwm/structured';
import type { CandidateRunner } from '../../core/cwm/types';
import { DatasetKeys } from '../dataset-keys';
import { runnerFront, type RunnerJob as Job } from '../runner-front';
import { isolatedHost } from './frame';
import { HostUnavailableError, type RunnerHost } from './host';
import { inPageHost } from './in-page-host';

/** A worker is replaced after this many candidates, so nothing accumulates in it. */
const RECYCLE_AFTER = 500;

/**
 * Jobs with a time limit up to this run in the in-page host; longer ones in the isolated host. A
 * browser worker's heap has no limit of its own, and a heap bomb in the page's process takes the
 * tab down with it once it fills the renderer's memory: after 15–40 s for three kinds of bomb on
 * the 2-core machine that measured it, so the timer ends them first there. A faster machine fills
 * memory sooner; if the tab goes down, the run recovers (src/core/run/in-flight.ts). A job allowed
 * to run longer gets a process of its own.
 */
const IN_PAGE_LIMIT_MS = 5000;

interface PoolWorker {
  box: RunnerHost;
  wid: number;
  port: MessagePort;
  keys: DatasetKeys;
  job: (Job & { id: number }) | null;
  timer: ReturnType<typeof setTimeout> | null;
  served: number;
  /** A candidate left something in the engine that burdens the next ones (health-source.ts). */
  spoiled: boolean;
}

/** One host's workers and queue: jobs go in with `submit` and leave through their `settle`. */
interface WorkerPool {
  submit(job: Job): void;
  cancel(job: Job): void;
}

/**
 * A pool of long-lived runner workers in one host, each running one candidate at a time in a
 * fresh SES compartment, talking to the page over a direct port. The page keeps each job's timer:
 * a worker that hangs, crashes or is cancelled is ended and replaced, and so is every worker after
 * `RECYCLE_AFTER` candidates or once a candidate left something in the engine that burdens the
 * next ones (see src/sandbox/realm/health-source.ts). Each worker's parsed datasets are tracked
 * per worker, so a job carries its inputs exactly when its worker lacks them. When the host cannot
 * start workers at all, the waiting jobs go to `unavailable` when it is given, and fail otherwise.
 */
function createWorkerPool(host: () => Promise<RunnerHost>, poolSize: number, unavailable?: (waiting: Job[]) => void): WorkerPool {
  const workers: PoolWorker[] = [];
  const idle: PoolWorker[] = [];
  const queue: Job[] = [];
  let starting = 0;
  let nextId = 1;
  // Once used, the pool stays full: a retired worker's replacement warms up before it is needed.
  let used = false;

  function finish(w: PoolWorker, reply: RunnerReply, retire: boolean): void {
    const job = w.job;
    if (w.timer) clearTimeout(w.timer);
    w.job = null;
    w.timer = null;
    if (retire) {
      workers.splice(workers.indexOf(w), 1);
      if (idle.includes(w)) idle.splice(idle.indexOf(w), 1);
      w.port.onmessage = null;
      w.port.close();
      w.box.kill(w.wid);
    } else idle.push(w);
    job?.settle(reply);
    pump();
  }

  async function spawn(): Promise<void> {
    starting++;
    try {
      const box = await host();
      let w: PoolWorker | null = null;
      const { wid, port } = await box.spawn((message) => {
        if (w && workers.includes(w)) finish(w, { kind: 'crashed', message: `crashed the evaluator: ${message}` }, true);
      });
      w = { box, wid, port, keys: new DatasetKeys(), job: null, timer: null, served: 0, spoiled: false };
      const self = w;
      port.onmessage = (event: MessageEvent) => {
        const data = event.data as { id?: unknown; op?: unknown } | null;
        if (data?.op === 'spoiled') {
          self.spoiled = true;
          if (!self.job) finish(self, { kind: 'cancelled' }, true);
          return;
        }
        if (!self.job || data?.id !== self.job.id) return;
        const reply = parseRunnerReply(data);
        finish(self, reply, reply.kind === 'crashed' || self.spoiled || ++self.served >= RECYCLE_AFTER);
      };
      workers.push(w);
      idle.push(w);
    } catch (error) {
      // The host could not give a worker: hand what waits elsewhere or fail it rather than hang,
      // and stop refilling the pool until the next job asks for a worker again.
      used = false;
      if (unavailable && error instanceof HostUnavailableError) unavailable(queue.splice(0));
      for (const job of queue.splice(0)) job.settle({ kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      starting--;
    }
    pump();
  }

  function start(w: PoolWorker, job: Job): void {
    const id = nextId++;
    w.job = { ...job, id };
    if (!w.keys.has(job.key)) {
      w.keys.add(job.key);
      w.port.postMessage({ op: 'prepare', key: job.key, inputs: job.inputs });
    }
    const { timeoutMs, seed, samples } = job.options;
    w.timer = setTimeout(() => finish(w, { kind: 'timeout', timeoutMs }, true), timeoutMs);
    w.port.postMessage({ op: job.op, id, key: job.key, program: job.program, file: `candidate-${id}.js`, seed: seed ?? 0, samples: samples ?? 1 });
  }

  function pump(): void {
    while (queue.length > 0 && idle.length > 0) start(idle.shift()!, queue.shift()!);
    if (queue.length > 0) used = true;
    if (used && workers.length + starting < poolSize) void spawn();
  }

  function cancel(job: Job): void {
    const queued = queue.indexOf(job);
    if (queued >= 0) {
      queue.splice(queued, 1);
      job.settle({ kind: 'cancelled' });
      return;
    }
    const w = workers.find((x) => x.job?.settle === job.settle);
    if (w) finish(w, { kind: 'cancelled' }, true);
  }

  return {
    submit(job) {
      queue.push(job);
      pump();
    },
    cancel,
  };
}

/**
 * The page's program runner. A job runs in the in-page host when its time limit is at most
 * `IN_PAGE_LIMIT_MS` (every score during a search, every step of play) and in the isolated host
 * otherwise; if this browser cannot start workers in the in-page host, every job goes to the
 * isolated one.
 */
export function createBrowserRunner(poolSize = Math.max(1, (navigator.hardwareConcurrency || 2) - 1)): CandidateRunner & StructuredRunner {
  let inPageWorks = true;
  const isolated = createWorkerPool(isolatedHost, poolSize);
  const inPage = createWorkerPool(inPageHost, poolSize, (waiting) => {
    inPageWorks = false;
    for (const job of waiting) submit(job);
  });
  const lanes = new WeakMap<Job, WorkerPool>();
  function submit(job: Job): void {
    const lane = inPageWorks && job.options.timeoutMs <= IN_PAGE_LIMIT_MS ? inPage : isolated;
    lanes.set(job, lane);
    lane.submit(job);
  }
  return runnerFront(submit, (job) => lanes.get(job)?.cancel(job));
}

let shared: (CandidateRunner & StructuredRunner) | null = null;

/** The page-wide program runner (one sandbox, one pool), created on first use. */
export function browserRunner(): CandidateRunner & StructuredRunner {
  return (shared ??= createBrowserRunner());
}
