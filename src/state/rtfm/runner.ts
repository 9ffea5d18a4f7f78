import type { StructuredRunner } from '../../core/cwm/structured';
import { NO_STRUCTURED_RUNNER, isStructuredRunner } from '../../core/rtfm/runner';
import { browserRunner } from '../evaluator';

/**
 * The page's sandboxed runner as a StructuredRunner, or an Error saying this evaluator cannot run
 * structured worlds yet (shown where the user asked for a score, a step or a search).
 */
export function pageStructuredRunner(): StructuredRunner {
  const runner: unknown = browserRunner();
  if (!isStructuredRunner(runner)) throw new Error(NO_STRUCTURED_RUNNER);
  return runner;
}
