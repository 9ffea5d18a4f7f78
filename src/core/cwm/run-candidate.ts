import type { Obs } from '../env/types';
import type { StructuredOutcome } from './structured';
import type { CandidateError, Prediction, RunOutcome, TransitionInput } from './types';

/**
 * A reply of the program runner (src/sandbox/realm) for one candidate, as it crossed a message
 * boundary: predictions as a Float64Array of `stride` numbers per transition
 * (`[length, s0 … s(n−1), reward, done]`, length −1 for a scalar), structured answers as JSON
 * text, or a failure. The host adds `timeout`, `crashed` and `cancelled` replies of its own.
 */
export type RunnerReply =
  | { kind: 'scored'; data: Float64Array; stride: number; logs: string[] }
  | { kind: 'structured'; text: string; logs: string[] }
  | { kind: 'failed'; message: string; line?: number; logs: string[] }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'crashed'; message: string }
  | { kind: 'cancelled' };

/** The bug a runner reports when the wall-clock limit expires, e.g. "timed out after 5 s". */
export function timeoutMessage(timeoutMs: number): string {
  return `timed out after ${Number((timeoutMs / 1000).toFixed(3))} s`;
}

function numberText(x: number): string {
  if (Object.is(x, -0)) return '-0'; // JSON.stringify would lose the sign; atan2 does not
  return Number.isFinite(x) ? String(x) : 'null';
}

function valueText(v: Obs): string {
  return Array.isArray(v) ? `[${v.map(numberText).join(',')}]` : numberText(v);
}

/** The transition inputs as the JSON text the runner parses: `[[state, action], …]`, −0 kept. */
export function encodeInputs(inputs: readonly TransitionInput[]): string {
  return `[${inputs.map((t) => `[${valueText(t.state)},${valueText(t.action)}]`).join(',')}]`;
}

/** How many samples per transition a run asks for: `samples` floored, 1 when absent or below 2. */
export function sampleCount(samples: number | undefined): number {
  return samples !== undefined && samples > 1 ? Math.floor(samples) : 1;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 200) : []);

/**
 * Checks a reply that crossed a message boundary (a worker port, a child process) and returns it
 * as a `RunnerReply`; anything else becomes a `crashed` reply saying so. Nothing in it is trusted.
 */
export function parseRunnerReply(value: unknown): RunnerReply {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const logs = strings(v.logs);
  if (v.ok === true && v.data instanceof Float64Array && typeof v.stride === 'number' && Number.isInteger(v.stride) && v.stride >= 4) {
    return { kind: 'scored', data: v.data, stride: v.stride, logs };
  }
  if (v.ok === true && typeof v.text === 'string') return { kind: 'structured', text: v.text, logs };
  if (v.ok === false && typeof v.message === 'string') {
    const line = typeof v.line === 'number' && Number.isInteger(v.line) && v.line > 0 ? v.line : undefined;
    return line === undefined ? { kind: 'failed', message: v.message, logs } : { kind: 'failed', message: v.message, line, logs };
  }
  return { kind: 'crashed', message: 'the evaluator sent a malformed reply; run the evaluation again (reload the page or restart the command if it repeats)' };
}

function errorOf(reply: Exclude<RunnerReply, { kind: 'scored' } | { kind: 'structured' }>): CandidateError {
  switch (reply.kind) {
    case 'failed':
      return reply.line === undefined ? { message: reply.message } : { message: reply.message, line: reply.line };
    case 'timeout':
      return { message: timeoutMessage(reply.timeoutMs) };
    case 'crashed':
      return { message: reply.message };
    case 'cancelled':
      return { message: 'the evaluation was cancelled' };
  }
}

const MALFORMED: CandidateError = { message: 'the evaluator returned results of the wrong size; run the evaluation again' };

/**
 * Turns a runner's reply for `count` transitions into the predictions the metric scores. The
 * numbers were copied out of the candidate's realm before they crossed; only their layout is
 * checked here.
 */
export function decodeReply(reply: RunnerReply, count: number): RunOutcome {
  if (reply.kind === 'structured') return { ok: false, error: MALFORMED };
  if (reply.kind !== 'scored') return { ok: false, error: errorOf(reply) };
  const { data, stride } = reply;
  if (data.length !== count * stride) return { ok: false, error: MALFORMED };
  const width = stride - 3;
  const predictions: Prediction[] = new Array(count);
  for (let i = 0, o = 0; i < count; i++, o += stride) {
    const length = data[o];
    if (length !== -1 && !(Number.isInteger(length) && length >= 0 && length <= width)) return { ok: false, error: MALFORMED };
    let next: Obs;
    if (length === -1) next = data[o + 1];
    else {
      // A plain loop: Array.from over a subarray view is several times slower on big datasets.
      next = new Array<number>(length);
      for (let j = 0; j < length; j++) next[j] = data[o + 1 + j];
    }
    predictions[i] = { next_state: next, reward: data[o + width + 1], done: data[o + width + 2] === 1 };
  }
  return { ok: true, predictions };
}

/** Turns a runner's reply for structured inputs into the answers, still unchecked plain data. */
export function decodeStructuredReply(reply: RunnerReply, count: number): StructuredOutcome {
  if (reply.kind === 'scored') return { ok: false, error: MALFORMED };
  if (reply.kind !== 'structured') return { ok: false, error: errorOf(reply) };
  let answers: unknown;
  try {
    answers = JSON.parse(reply.text);
  } catch {
    return { ok: false, error: MALFORMED };
  }
  return Array.isArray(answers) && answers.length === count ? { ok: true, answers } : { ok: false, error: MALFORMED };
}
