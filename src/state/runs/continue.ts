import type { RunRecord, StrategyId } from '../../core/run/types';
import { strategies } from '../../core/search';

/** The run settings a saved run continues with, and the record fields the search does not keep. */
export interface ContinueSettings {
  strategyId: StrategyId;
  seed: number;
  budget: number;
  params: Record<string, number>;
  carry: Pick<RunRecord, 'name' | 'forkedFrom'>;
}

/**
 * Reads the settings to continue `record` with: its strategy, seed and hyperparameters (numbers
 * only: a CLI record also keeps its sampling there), and its budget. Records made in the page carry
 * their budget; one from `cwm search` does not, so it gets `fallbackBudget`, at least one more call.
 */
export function continueSettings(record: RunRecord, fallbackBudget: number): ContinueSettings {
  const params: Record<string, number> = { ...strategies[record.strategy].defaults };
  for (const key of Object.keys(params)) {
    const value = record.params[key];
    if (typeof value === 'number' && Number.isFinite(value)) params[key] = value;
  }
  const iterations = (record.resume as { iterations?: unknown } | undefined)?.iterations;
  const done = typeof iterations === 'number' ? iterations : record.calls.filter((c) => !c.error).length;
  const saved = record.budget;
  const budget = typeof saved === 'number' && Number.isInteger(saved) && saved > 0 ? saved : Math.max(fallbackBudget, done + 1);
  const carry: ContinueSettings['carry'] = {};
  if (record.name) carry.name = record.name;
  if (record.forkedFrom) carry.forkedFrom = record.forkedFrom;
  return { strategyId: record.strategy, seed: record.seed, budget, params, carry };
}
