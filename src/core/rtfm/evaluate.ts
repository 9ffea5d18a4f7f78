import { formatBug } from '../cwm/errors';
import { DEFAULT_TIMEOUT_MS } from '../cwm/evaluate';
import type { StructuredInput, StructuredRunner } from '../cwm/structured';
import type { FailureReport } from '../cwm/types';
import { formatRtfmFailure } from './format';
import { scoreRtfmTransition, type RtfmTransitionScore } from './metric';
import { evaluationIndices } from './sample';
import type { RtfmAnswer, RtfmEvalResult, RtfmFailure, RtfmProtocol, RtfmTransition } from './types';
import { readAnswer } from './validate';

/** Options of one RTFM evaluation. */
export interface StructuredEvaluateOptions {
  /** Each transition once (default) or the paper's draws with replacement. */
  protocol?: RtfmProtocol;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const inputsCache = new WeakMap<readonly RtfmTransition[], StructuredInput[]>();

function inputsOf(transitions: readonly RtfmTransition[]): StructuredInput[] {
  let inputs = inputsCache.get(transitions);
  if (!inputs) {
    inputs = transitions.map((t) => ({ state: t.state, action: t.action }));
    inputsCache.set(transitions, inputs);
  }
  return inputs;
}

const NO_PARTS = { board: 0, inventory: 0, validActions: 0, reward: 0, done: 0 };

/** The result of a buggy program: score 0 and the cleaned error. */
export function buggyRtfmResult(total: number, bug: string, protocol: RtfmProtocol): RtfmEvalResult {
  return { score: 0, accuracy: 0, correct: 0, total, bug, firstFailure: null, breakdown: { state: 0, reward: 0, done: 0 }, solved: false, parts: { ...NO_PARTS }, rtfmFailure: null, protocol };
}

/** The failure in the shared report shape: the numeric fields are placeholders, `text` carries the board. */
function sharedReport(failure: RtfmFailure): FailureReport {
  const t = failure.transition;
  return {
    index: failure.index,
    state: [],
    action: t.action,
    expected: { next_state: [], reward: t.reward, done: t.done },
    predicted: { next_state: [], reward: failure.answer.reward, done: failure.answer.done },
    text: formatRtfmFailure(failure),
  };
}

/**
 * Aggregates per-transition scores over the evaluated indices (repeats count again) as the paper
 * does with `weight_reward=True`: each evaluated transition weighs 1 / (evaluated transitions
 * sharing its reward value), so wins, losses and ordinary steps weigh the same in total.
 */
export function aggregateRtfm(transitions: readonly RtfmTransition[], answers: readonly RtfmAnswer[], indices: readonly number[], protocol: RtfmProtocol): RtfmEvalResult {
  const scores = new Map<number, RtfmTransitionScore>();
  const counts = new Map<number, number>();
  for (const i of indices) {
    if (!scores.has(i)) scores.set(i, scoreRtfmTransition(answers[i], transitions[i]));
    counts.set(transitions[i].reward, (counts.get(transitions[i].reward) ?? 0) + 1);
  }
  let weighted = 0;
  let weightSum = 0;
  let accSum = 0;
  let correct = 0;
  const sums = { ...NO_PARTS };
  let live = 0;
  for (const i of indices) {
    const s = scores.get(i) as RtfmTransitionScore;
    const w = 1 / (counts.get(transitions[i].reward) as number);
    weighted += w * s.acc;
    weightSum += w;
    accSum += s.acc;
    if (s.full) correct++;
    sums.reward += Number(s.parts.reward);
    sums.done += Number(s.parts.done);
    if (!transitions[i].done) {
      live++;
      sums.board += Number(s.parts.board);
      sums.inventory += Number(s.parts.inventory);
      sums.validActions += Number(s.parts.validActions);
    }
  }
  // The first failure in recorded order, whatever order the draws came in.
  const firstIndex = [...scores.keys()].filter((i) => !scores.get(i)?.full).sort((a, b) => a - b)[0];
  const rtfmFailure: RtfmFailure | null =
    firstIndex === undefined ? null : { index: firstIndex, transition: transitions[firstIndex], answer: answers[firstIndex], parts: (scores.get(firstIndex) as RtfmTransitionScore).parts };
  const n = indices.length;
  const mean = (x: number, of: number) => (of ? x / of : 1);
  const parts = { board: mean(sums.board, live), inventory: mean(sums.inventory, live), validActions: mean(sums.validActions, live), reward: mean(sums.reward, n), done: mean(sums.done, n) };
  return {
    score: weightSum ? weighted / weightSum : 0,
    accuracy: n ? accSum / n : 0,
    correct,
    total: n,
    bug: null,
    firstFailure: rtfmFailure ? sharedReport(rtfmFailure) : null,
    breakdown: { state: (parts.board + parts.inventory) / 2, reward: parts.reward, done: parts.done },
    solved: rtfmFailure === null,
    parts,
    rtfmFailure,
    protocol,
  };
}

/**
 * Scores a candidate RTFM program. The runner calls `setState(state)` then `step(action)` for every
 * recorded transition in an isolated realm and hands back plain data; the answers' shapes are
 * checked and the paper's RTFM weights applied here, outside that realm. Under the paper's
 * protocol the scored set is `draws` indices drawn with replacement (seeded); the program still
 * runs once per distinct transition, since `setState` makes each step independent of the last.
 */
export async function evaluateStructured(runner: StructuredRunner, program: string, transitions: readonly RtfmTransition[], options: StructuredEvaluateOptions = {}): Promise<RtfmEvalResult> {
  const protocol = options.protocol ?? { kind: 'all' };
  const indices = evaluationIndices(transitions.length, protocol);
  const outcome = await runner.runStructured(program, inputsOf(transitions), {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: options.signal,
    seed: protocol.kind === 'paper-draws' ? protocol.seed : undefined,
  });
  if (!outcome.ok) return buggyRtfmResult(indices.length, formatBug(outcome.error, program), protocol);
  if (outcome.answers.length !== transitions.length) {
    return buggyRtfmResult(indices.length, `the program produced ${outcome.answers.length} answers for ${transitions.length} transitions`, protocol);
  }
  const answers: RtfmAnswer[] = [];
  for (let i = 0; i < transitions.length; i++) {
    const read = readAnswer(outcome.answers[i], i);
    if (!read.ok) return buggyRtfmResult(indices.length, formatBug(read.error, program), protocol);
    answers.push(read.answer);
  }
  return aggregateRtfm(transitions, answers, indices, protocol);
}
