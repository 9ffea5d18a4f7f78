import { packs } from '../../envs/index';
import { requirePack } from './packs';
import { DEFAULT_TIMEOUT_MS, evaluateProgram } from '../core/cwm/evaluate';
import { wrapProgram } from '../core/cwm/harness';
import { decodeReply, encodeInputs, parseRunnerReply, type RunnerReply } from '../core/cwm/run-candidate';
import type { CandidateRunner, EvalResult, RewardMode, RunOutcome } from '../core/cwm/types';
import type { Transition } from '../core/env/types';
import { openSandbox, type Sandbox } from '../sandbox/index';

/** Extra time the page waits past a job's own limit before it declares the whole sandbox lost. */
const WATCHDOG_GRACE_MS = 10_000;

let sandbox: Promise<Sandbox> | null = null;
let nextId = 1;

function currentSandbox(): Promise<Sandbox> {
  if (!sandbox) {
    sandbox = openSandbox();
    sandbox.catch(() => (sandbox = null)); // try again on the next evaluation
  }
  return sandbox;
}

// The iframe's workers enforce the limit; this only guards against the iframe itself dying.
function watchdog(timeoutMs: number, box: Sandbox): { promise: Promise<RunnerReply>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout>;
  const promise = new Promise<RunnerReply>((resolve) => {
    timer = setTimeout(() => {
      box.dispose();
      if (sandbox) void sandbox.then((s) => s === box && (sandbox = null));
      resolve({ kind: 'timeout', timeoutMs });
    }, timeoutMs + WATCHDOG_GRACE_MS);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * The page's `CandidateRunner`: candidates run in the sandbox iframe's pool of warm blob workers
 * (see src/sandbox). Results are decoded here, outside every realm a candidate touched, by the same
 * core code as the Node runner. Aborting the signal cancels a queued or running job.
 */
export function createBrowserRunner(): CandidateRunner {
  return {
    async run(program, inputs, { timeoutMs, signal }): Promise<RunOutcome> {
      signal?.throwIfAborted();
      const box = await currentSandbox();
      signal?.throwIfAborted();
      const id = nextId++;
      const onAbort = () => void box.api.cancel(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      const guard = watchdog(timeoutMs, box);
      try {
        const job = { id, program: wrapProgram(program), inputs: encodeInputs(inputs), timeoutMs };
        const reply = parseRunnerReply(await Promise.race([box.api.run(job), guard.promise]));
        if (reply.kind === 'cancelled' && signal?.aborted) throw signal.reason;
        return decodeReply(reply);
      } finally {
        guard.cancel();
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}

let shared: CandidateRunner | null = null;

/** The page-wide browser runner (one sandbox, one pool), created on first use. */
export function browserRunner(): CandidateRunner {
  return (shared ??= createBrowserRunner());
}

/** Arguments of `window.cwmPlayground.evaluate`. */
export interface EvaluateRequest {
  /** An id from `envs()`, e.g. `cartpole`. */
  envId: string;
  /** The candidate program (JavaScript defining `class Environment`). */
  program: string;
  /** Transitions to score on; default: the pack's default dataset (CWMB where there is one). */
  transitions?: Transition[];
  /** Reward comparison: `tolerant` (default) or `paper` (exact). */
  reward?: RewardMode;
  /** Wall-clock limit in milliseconds; default 5000. */
  timeoutMs?: number;
  /** Aborting cancels the evaluation (queued or running); the promise rejects with the reason. */
  signal?: AbortSignal;
}


/**
 * Scores a program in the browser sandbox and resolves to the same object `cwm eval --json`
 * prints. Rejects with a message naming the problem when the request itself is malformed.
 */
export async function evaluateInBrowser(request: EvaluateRequest): Promise<EvalResult> {
  if (typeof request !== 'object' || request === null) throw new Error('evaluate() takes { envId, program, transitions?, reward?, timeoutMs?, signal? }');
  const { envId, program, transitions, reward, timeoutMs, signal } = request;
  if (typeof program !== 'string') throw new Error('evaluate(): "program" must be the program text (a string)');
  if (reward !== undefined && reward !== 'paper' && reward !== 'tolerant') throw new Error('evaluate(): "reward" must be "paper" or "tolerant"');
  if (transitions !== undefined && !Array.isArray(transitions)) throw new Error('evaluate(): "transitions" must be an array of { state, action, next_state, reward, done }');
  const pack = requirePack(String(envId));
  // Built-in datasets load once per page (envs/datasets.ts); a custom one is read as saved now.
  const data = transitions ?? (await pack.datasets[0].load());
  return evaluateProgram(browserRunner(), program, data, pack.spec, { reward, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, signal });
}

/** Ids of every environment pack, in gallery order. */
export function envIds(): string[] {
  return packs.map((p) => p.spec.id);
}
