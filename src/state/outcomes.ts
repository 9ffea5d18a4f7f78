import { outcomeRows, type OutcomeRow } from '../core/cwm/outcome-rows';
import { normalizePrediction } from '../core/cwm/validate';
import { formatBug } from '../core/cwm/errors';
import { DEFAULT_TIMEOUT_MS } from '../core/cwm/evaluate';
import type { Action, Obs, Transition } from '../core/env/types';
import { browserRunner } from './evaluator';
import { requirePack } from './packs';

/**
 * Samples a program `samples` times on one (state, action) in the sandbox, with the given seed,
 * and returns the outcome histogram beside the recorded outcomes of that pair; or the bug.
 */
export async function sampleOutcomes(
  envId: string,
  program: string,
  transitions: Transition[],
  pair: { state: Obs; action: Action },
  options: { samples: number; seed: number },
): Promise<{ ok: true; rows: OutcomeRow[] } | { ok: false; bug: string }> {
  const spec = requirePack(envId).spec;
  const outcome = await browserRunner().run(program, [{ state: pair.state, action: pair.action }], { timeoutMs: DEFAULT_TIMEOUT_MS, seed: options.seed, samples: options.samples });
  if (!outcome.ok) return { ok: false, bug: formatBug(outcome.error, program) };
  const sampled = outcome.predictions.map((p) => normalizePrediction(p, spec.observation));
  return { ok: true, rows: outcomeRows(transitions, pair, sampled) };
}
