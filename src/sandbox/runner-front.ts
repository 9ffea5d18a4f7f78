import { decodeReply, decodeStructuredReply, encodeInputs, sampleCount, type RunnerReply } from '../core/cwm/run-candidate';
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
  // A search scores every candidate on the same inputs array: key and encode it once.
  const datasets = new WeakMap<object, { key: number; text: string }>();
  let nextKey = 1;
  const datasetOf = (inputs: object, encode: () => string) => {
    let dataset = datasets.get(inputs);
    if (dataset === undefined) datasets.set(inputs, (dataset = { key: nextKey++, text: encode() }));
    return dataset;
  };

  function enqueue(op: RunnerJob['op'], program: string, { key, text: inputs }: { key: number; text: string }, options: RunOptions): Promise<RunnerReply> {
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
      const dataset = datasetOf(inputs, () => encodeInputs(inputs));
      return decodeReply(await enqueue('score', program, dataset, options), inputs.length * sampleCount(options.samples));
    },
    async runStructured(program: string, inputs: readonly StructuredInput[], options: RunOptions): Promise<StructuredOutcome> {
      const dataset = datasetOf(inputs, () => JSON.stringify(inputs.map((t) => [t.state, t.action])));
      return decodeStructuredReply(await enqueue('score-structured', program, dataset, options), inputs.length);
    },
  };
}
