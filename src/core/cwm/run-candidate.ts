import type { Obs } from '../env/types';
import type { CandidateError, Prediction, RunOutcome, TransitionInput } from './types';

/**
 * What an isolated runner (the sandbox iframe's worker pool, a Node worker thread) hands back for
 * one candidate. `finished` carries the harness's JSON text verbatim (see harness.ts); it is decoded
 * here, outside the candidate's realm, by the same code in the browser and in Node.
 */
export type RunnerReply =
  | { kind: 'finished'; text: string; loading?: boolean; syntaxLine?: number }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'forged' }
  | { kind: 'crashed'; message: string }
  | { kind: 'cancelled' };

/** One job for a runner: the program and its transition inputs as `encodeInputs` text. */
export interface RunnerJob {
  id: number;
  program: string;
  inputs: string;
  timeoutMs: number;
}

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

// A search scores every candidate on the same inputs: encode them once per inputs array.
const encoded = new WeakMap<readonly TransitionInput[], string>();

/** The transition inputs as the JSON text the harness parses: `[[state, action], …]`, −0 kept. */
export function encodeInputs(inputs: readonly TransitionInput[]): string {
  let text = encoded.get(inputs);
  if (text === undefined) {
    text = `[${inputs.map((t) => `[${valueText(t.state)},${valueText(t.action)}]`).join(',')}]`;
    encoded.set(inputs, text);
  }
  return text;
}

/**
 * The 1-based line in the candidate's own source named by the first frame of `stack` in `file`
 * (the innermost candidate frame), or undefined.
 */
export function lineInStack(stack: string | null | undefined, file: string): number | undefined {
  if (!stack || !file) return undefined;
  const at = stack.indexOf(file + ':');
  if (at < 0) return undefined;
  const match = /^(\d+)/.exec(stack.slice(at + file.length + 1));
  const line = match ? Number(match[1]) : NaN;
  return Number.isInteger(line) && line >= 1 ? line : undefined;
}

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function decodeNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  return typeof v === 'string' && v in SPECIAL ? SPECIAL[v] : undefined;
}

function decodePrediction(v: unknown): Prediction | undefined {
  if (!Array.isArray(v) || v.length !== 3 || typeof v[2] !== 'boolean') return undefined;
  const reward = decodeNumber(v[1]);
  if (reward === undefined) return undefined;
  let next: Obs | undefined;
  if (Array.isArray(v[0])) {
    const items = v[0].map(decodeNumber);
    next = items.every((x) => x !== undefined) ? (items as number[]) : undefined;
  } else next = decodeNumber(v[0]);
  return next === undefined ? undefined : { next_state: next, reward, done: v[2] };
}

const MALFORMED: RunOutcome = {
  ok: false,
  error: { message: 'the evaluator returned malformed results (did the program tamper with its worker?); return [nextState, reward, done] from step()' },
};

function cleanMessage(message: string): string {
  // Chromium prefixes load errors with the importScripts call; the candidate never wrote that.
  return message.replace("Failed to execute 'importScripts' on 'WorkerGlobalScope': ", '');
}

function decodeFailure(v: Record<string, unknown>, syntaxLine: number | undefined): RunOutcome {
  const message = typeof v.message === 'string' ? cleanMessage(v.message) : 'unknown error';
  const file = typeof v.file === 'string' ? v.file : '';
  const line = syntaxLine ?? lineInStack(typeof v.stack === 'string' ? v.stack : null, file);
  const error: CandidateError = line === undefined ? { message } : { message, line };
  return { ok: false, error };
}

/**
 * Turns a runner's reply into the `RunOutcome` the evaluator scores. The text came from a realm
 * the candidate controlled, so every field is checked; anything odd is reported as a bug.
 */
export function decodeReply(reply: RunnerReply): RunOutcome {
  switch (reply.kind) {
    case 'timeout':
      return { ok: false, error: { message: timeoutMessage(reply.timeoutMs) } };
    case 'forged':
      return { ok: false, error: { message: 'the program posted messages of its own; a program must only return predictions from step()' } };
    case 'crashed':
      return { ok: false, error: { message: reply.message } };
    case 'cancelled':
      return { ok: false, error: { message: 'the evaluation was cancelled' } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.text);
  } catch {
    return MALFORMED;
  }
  if (typeof parsed !== 'object' || parsed === null) return MALFORMED;
  const v = parsed as Record<string, unknown>;
  if (v.ok === false) return decodeFailure(v, reply.syntaxLine);
  if (v.ok !== true || reply.loading || !Array.isArray(v.predictions)) return MALFORMED;
  const predictions: Prediction[] = [];
  for (const item of v.predictions) {
    const p = decodePrediction(item);
    if (!p) return MALFORMED;
    predictions.push(p);
  }
  return { ok: true, predictions };
}

/**
 * Checks a reply that crossed a message boundary (the sandbox iframe, a worker thread) and returns
 * it as a `RunnerReply`; anything else becomes a `crashed` reply saying so.
 */
export function parseRunnerReply(value: unknown): RunnerReply {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  switch (v.kind) {
    case 'finished':
      if (typeof v.text !== 'string') break;
      return {
        kind: 'finished',
        text: v.text,
        loading: v.loading === true,
        syntaxLine: typeof v.syntaxLine === 'number' && Number.isInteger(v.syntaxLine) && v.syntaxLine > 0 ? v.syntaxLine : undefined,
      };
    case 'timeout':
      if (typeof v.timeoutMs !== 'number') break;
      return { kind: 'timeout', timeoutMs: v.timeoutMs };
    case 'crashed':
      return { kind: 'crashed', message: typeof v.message === 'string' ? v.message : 'the evaluator failed' };
    case 'forged':
    case 'cancelled':
      return { kind: v.kind };
  }
  return { kind: 'crashed', message: 'the evaluator sent a malformed reply; reload the page or restart the command' };
}
