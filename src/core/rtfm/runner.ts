import type { StructuredRunner } from '../cwm/structured';

/** What the page and the CLI say when their evaluator predates structured worlds. */
export const NO_STRUCTURED_RUNNER =
  'this evaluator cannot run structured worlds yet: RTFM programs need a runner with runStructured(). Use a build of the playground whose sandbox runs structured worlds, or score numeric environments meanwhile.';

/** True when a runner can also run programs of structured worlds (boards, not numbers). */
export function isStructuredRunner(runner: unknown): runner is StructuredRunner {
  return typeof (runner as Partial<StructuredRunner> | null)?.runStructured === 'function';
}

/** The runner as a StructuredRunner, or an error that says this evaluator cannot run structured worlds yet. */
export function structuredRunnerOf(runner: unknown): StructuredRunner {
  if (!isStructuredRunner(runner)) throw new Error(NO_STRUCTURED_RUNNER);
  return runner;
}
