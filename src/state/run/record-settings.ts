import { recordDescription, recordProtocol, type ProtocolId, type RecordedDescription } from '../../core/protocol';
import type { RunRecord, StrategyId } from '../../core/run/types';
import { strategies } from '../../core/search';

/** The run settings the page takes from a record: what the run controls then show. */
export interface RecordSettings {
  strategyId: StrategyId;
  protocol: ProtocolId;
  /** The description the record was made with; `custom` leaves the page's own text as it is. */
  variant: RecordedDescription;
  seed: number;
  budget: number;
  params: Record<string, number>;
}

/** The settings a saved run continues with, and the record fields the search does not keep. */
export interface ContinueSettings extends RecordSettings {
  carry: Pick<RunRecord, 'name' | 'forkedFrom'>;
  /** Time the run has searched so far: its calls' durations. */
  elapsedMs: number;
}

/**
 * Reads the settings to continue `record` with: its strategy, protocol, description, seed and
 * hyperparameters (numbers only: a CLI record also keeps its sampling there), the time it has
 * searched, and its budget.
 * Records made in the page carry their budget; one from `cwm search` does not, so it gets
 * `fallbackBudget`, and at least one more call than it has made.
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
  const elapsedMs = record.calls.reduce((sum, c) => sum + c.ms, 0);
  return { strategyId: record.strategy, protocol: recordProtocol(record), variant: recordDescription(record), seed: record.seed, budget, params, carry, elapsedMs };
}

/**
 * The settings of a run replayed from its record: a replay must ask the same questions as the
 * recorded run, so it takes its strategy, protocol, description, seed and hyperparameters, and one
 * call per recorded call.
 */
export function replaySettings(record: RunRecord): RecordSettings {
  return {
    strategyId: record.strategy,
    protocol: recordProtocol(record),
    variant: recordDescription(record),
    seed: record.seed,
    budget: record.calls.length,
    params: { ...strategies[record.strategy].defaults, ...(record.params as Record<string, number>) },
  };
}

/**
 * The record the page shows and saves: the session's snapshot plus what the page adds, the fields
 * carried over from a continued record, the budget (so a continued run keeps it) and, for the
 * distributional score, its samples per transition.
 */
export function pageRecord(snapshot: RunRecord, carry: ContinueSettings['carry'], budget: number, samples: number): RunRecord {
  const record = { ...snapshot, ...carry, budget };
  if (samples > 1) record.params = { ...record.params, samples };
  return record;
}
