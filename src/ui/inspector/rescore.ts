import type { EvalResult } from '../../core/cwm/types';
import { evaluateInBrowser } from '../../state/evaluator';
import { envState } from '../../state/env.svelte';

/**
 * Scores a program again to get what a node record does not keep: the first failing transition.
 * Runs in the sandboxed evaluator on the dataset the environment view has loaded (the pack's
 * default dataset until one is loaded).
 */
export function rescoreProgram(envId: string, program: string): Promise<EvalResult> {
  const transitions = envState(envId)?.transitions ?? undefined;
  return evaluateInBrowser({ envId, program, transitions });
}
