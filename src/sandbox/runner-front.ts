import { decodeReply, decodeStructuredReply, encodeInputs, type RunnerReply } from '../core/cwm/run-candidate';
import type { StructuredInput, StructuredOutcome, StructuredRunner } from '../core/cwm/structured';
import type { CandidateRunner, RunOptions, RunOutcome, TransitionInput } from '../core/cwm/types';

/** One candidate to run: what a pool hands to a worker or child, and how it settles. */
export interface RunnerJob {
  op: 'score' | 'score-structured';
  program: string;
  /** The dataset's key: the same inputs array always gets the same key. */
  key: number;
  /** The dataset's inputs as JSON text, sent to a worker that has not parsed this key yet. */
  inputs: string;
  options: RunOptions;
  settle: (reply: RunnerReply) => void;
}

/**
 * The part of a runner pool that is the same in the page and in Node: dataset keys, the
 * promise of each job with its AbortSignal, and decoding. `submit` queues a job (or throws, which
 * rejects the run); `cancel` drops it, or ends the worker running it, and settles it `cancelled`.
 */
export function runnerFront(submit: (job: RunnerJob) => void, cancel: (job: RunnerJob) => void): CandidateRunner & StructuredRunner {
  const keys = new WeakMap<object, number>();
  let nextKey = 1;
  const keyOf = (inputs: object) => {
    let key = keys.get(inputs);
    if (key === undefined) keys.set(inputs, (key = nextKey++));
    return key;
  };

  function enqueue(op: RunnerJob['op'], program: string, key: number, inputs: string, options: RunOptions): Promise<RunnerReply> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('the evaluation was cancelled'));
    return new Promise<RunnerReply>((resolve, reject) => {
      const onAbort = () => cancel(job);
      const job: RunnerJob = {
        op,
        program,
        key,
        inputs,
        options,
        settle: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          if (reply.kind === 'cancelled' && signal?.aborted) reject(signal.reason ?? new Error('the evaluation was cancelled'));
          else resolve(reply);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      submit(job);
    });
  }

  return {
    async run(program: string, inputs: TransitionInput[], options: RunOptions): Promise<RunOutcome> {
      const samples = options.samples !== undefined && options.samples > 1 ? Math.floor(options.samples) : 1;
      return decodeReply(await enqueue('score', program, keyOf(inputs), encodeInputs(inputs), options), inputs.length * samples);
    },
    async runStructured(program: string, inputs: readonly StructuredInput[], options: RunOptions): Promise<StructuredOutcome> {
      const text = JSON.stringify(inputs.map((t) => [t.state, t.action]));
      return decodeStructuredReply(await enqueue('score-structured', program, keyOf(inputs), text, options), inputs.length);
    },
  };
}
