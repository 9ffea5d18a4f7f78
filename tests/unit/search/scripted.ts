import type { EvalResult } from '../../../src/core/cwm/types';
import type { EnvSpec } from '../../../src/core/env/types';
import { LlmError, PAPER_SAMPLING, type ChatMessage, type LlmClient } from '../../../src/core/llm/types';
import { Rng } from '../../../src/core/rng';
import type { SearchContext, SearchEvent } from '../../../src/core/search/types';

/** One scripted answer: a completion, a function of the prompt, or an error to throw. */
export type ScriptEntry = string | ((messages: ChatMessage[]) => string) | LlmError;

/** A scripted model: answers calls from a list, streaming each answer in chunks. */
export interface ScriptedLlm extends LlmClient {
  requests: ChatMessage[][];
}

export function scriptedLlm(script: ScriptEntry[], chunkSize = 7): ScriptedLlm {
  let next = 0;
  const requests: ChatMessage[][] = [];
  return {
    info: { kind: 'scripted', model: 'script-1' },
    requests,
    async *complete(messages) {
      requests.push(messages);
      const entry = script[next++];
      if (entry === undefined) throw new LlmError('unavailable', `script exhausted after ${next - 1} calls`);
      if (entry instanceof LlmError) throw entry;
      const text = typeof entry === 'function' ? entry(messages) : entry;
      for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
      return { completionTokens: Math.ceil(text.length / 4) };
    },
  };
}

/**
 * A scripted evaluator: a program's last `// SCORE x` marker is its score (1 → solved), a
 * `// BUG msg` marker after it makes it buggy. No marker scores 0.
 */
export async function scriptedEvaluate(program: string): Promise<EvalResult> {
  const markers = [...program.matchAll(/\/\/ (SCORE|BUG) ?(.*)$/gm)];
  const last = markers[markers.length - 1];
  if (last && last[1] === 'BUG') {
    return { score: 0, accuracy: 0, correct: 0, total: 10, bug: last[2] || 'bug', firstFailure: null, breakdown: { state: 0, reward: 0, done: 0 }, solved: false };
  }
  const score = last ? Number(last[2]) : 0;
  const solved = score === 1;
  return {
    score,
    accuracy: score,
    correct: Math.round(score * 10),
    total: 10,
    bug: null,
    firstFailure: solved ? null : { index: 3, state: [0.5, 1], action: 1, expected: { next_state: [1, 2], reward: 1, done: false }, predicted: { next_state: [1, 3], reward: 1, done: false } },
    breakdown: { state: score, reward: 1, done: 1 },
    solved,
  };
}

/** A tiny environment spec for prompts. */
export const toySpec: EnvSpec = {
  id: 'toy',
  title: 'Toy',
  description: 'A toy environment.',
  observation: { kind: 'box', shape: [2], low: [-1, -1], high: [1, 1], labels: ['x', 'v'] },
  action: { kind: 'discrete', n: 2, labels: ['left', 'right'] },
  stateComparison: 'tolerant',
  episodeLimit: 10,
  planner: 'mcts',
  hasSimulator: false,
  cwmb: false,
};

/** A program of `lines` lines whose marker line says `marker` ("SCORE 0.4", "BUG boom"). */
export function program(tag: string, marker: string, lines = 6): string {
  const out = [`class Environment { // ${tag}`, `  // ${marker}`];
  while (out.length < lines - 1) out.push(`  m${out.length}() { return ${out.length}; }`);
  out.push('}');
  return out.slice(0, lines).join('\n');
}

/** A generate continuation: new lines to append after the parent's prefix, ending with a marker. */
export function continuation(tag: string, marker: string, lines = 4): string {
  const out = [`  // ${tag}`, `  // ${marker}`];
  while (out.length < lines - 1) out.push(`  c${out.length}() { return ${out.length}; }`);
  out.push('}');
  return out.slice(0, lines).join('\n');
}

/** A search context over the toy spec with a scripted model and evaluator. */
export function toyContext(script: ScriptEntry[], budget: number, seed = 1, events?: SearchEvent[]): SearchContext & { llm: ScriptedLlm } {
  return {
    spec: toySpec,
    description: toySpec.description,
    transitions: [{ state: [0, 0], action: 0, next_state: [0, 0], reward: 1, done: false }],
    llm: scriptedLlm(script),
    evaluate: scriptedEvaluate,
    rng: Rng.seeded(seed),
    sampling: PAPER_SAMPLING,
    budget,
    seed,
    onEvent: events ? (e) => events.push(e) : undefined,
  };
}
