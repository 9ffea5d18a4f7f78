import type { CandidateError } from './types';

/** Inputs of one transition of a structured world (plain JSON data), all a candidate ever sees of it. */
export interface StructuredInput {
  state: unknown;
  action: unknown;
}

/**
 * What running a candidate on structured inputs gives back: per transition, the value `step(action)`
 * returned after `setState(state)`, deep-copied out of the candidate's realm as plain JSON data
 * (strings, numbers, booleans, null, arrays, plain objects; typed arrays become arrays), or the bug.
 */
export type StructuredOutcome = { ok: true; answers: unknown[] } | { ok: false; error: CandidateError };

/** Runs candidate programs of structured worlds somewhere isolated. */
export interface StructuredRunner {
  runStructured(program: string, inputs: readonly StructuredInput[], options: { timeoutMs: number; seed?: number; signal?: AbortSignal }): Promise<StructuredOutcome>;
}
