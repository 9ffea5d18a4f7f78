import { rtfmBenchParts as parts } from '../../envs/rtfm/bench-cell';
import type { BenchCell } from '../core/bench/run';
import { NO_STRUCTURED_RUNNER, isStructuredRunner } from '../core/rtfm/runner';
import { UsageError } from './args';

/** The RTFM parts of a `cwm bench` cell, or a UsageError when the Node runner cannot run structured worlds yet. */
export function rtfmBenchParts(runner: unknown, cell: BenchCell, episodes: number): ReturnType<typeof parts> {
  if (!isStructuredRunner(runner)) throw new UsageError(NO_STRUCTURED_RUNNER);
  return parts(runner, cell, episodes);
}
