import type { EnvSpec, Transition } from '../env/types';
import type { EvalResult } from '../cwm/types';
import type { CompletionOptions, LlmClient } from '../llm/types';
import type { CallKind, NodeRecord, RunRecord, StrategyId } from '../run/types';
import type { Rng } from '../rng';
import type { ProtocolId, RecordedDescription } from '../protocol/protocols';

/** Scores a program on the run's dataset (in the program runner: a browser worker, or a child process in Node). */
export type Evaluate = (program: string, signal?: AbortSignal) => Promise<EvalResult>;

/** What a search tells its observers while it runs. */
export type SearchEvent =
  | { type: 'call-start'; callId: number; kind: CallKind; parentId: number }
  | { type: 'tokens'; callId: number; chunk: string; text: string }
  | { type: 'call-end'; callId: number; ms: number; tokens: number }
  | { type: 'call-error'; callId: number; error: string; retrying: boolean }
  | { type: 'node'; node: NodeRecord }
  | { type: 'best'; nodeId: number; score: number }
  | { type: 'done'; reason: 'budget' | 'solved' | 'stopped' };

/** Everything a strategy needs from outside: the model, the scorer, the seeded RNG. */
export interface SearchContext {
  spec: EnvSpec;
  /** The description the model receives (a variant of the spec's, or the user's edit). */
  description: string;
  /** The protocol: prompt wording, GIF-MCTS prefix rule and stop rule; default playground. */
  protocol?: ProtocolId;
  /** Which description `description` is, for the record; default hinted. */
  descriptionVariant?: RecordedDescription;
  /** The user edited the description. */
  descriptionEdited?: boolean;
  /** The contract text of a world whose states are not numeric spaces (RTFM); replaces the spec's spaces in prompts. */
  contract?: string;
  /** The numeric dataset; empty for structured worlds, which pass `env` with their own dataset hash. */
  transitions: Transition[];
  llm: LlmClient;
  evaluate: Evaluate;
  rng: Rng;
  sampling: CompletionOptions;
  budget: number;
  seed: number;
  /** Strategy hyperparameters; missing keys take the strategy's defaults. */
  params?: Record<string, unknown>;
  onEvent?: (event: SearchEvent) => void;
  /** The record's env block; defaults to `{ id: spec.id, datasetHash }` (custom envs pass theirs). */
  env?: RunRecord['env'];
}

/** A running search: advance one LLM call at a time, snapshot any time, resume from a record. */
export interface SearchSession {
  /** Runs one iteration (one LLM call). Resolves false once the search has finished. */
  step(signal?: AbortSignal): Promise<boolean>;
  /** Runs iterations until done or aborted. */
  run(signal?: AbortSignal): Promise<RunRecord>;
  /** A plain, structured-clonable copy of the whole run so far. */
  snapshot(): RunRecord;
  readonly finished: boolean;
  /** Adds a user-written program as a node under `parentId` and scores it. */
  addUserNode?(parentId: number, program: string): Promise<NodeRecord>;
}

/** A search strategy behind the shared interface (GIF-MCTS, WorldCoder, best-of-N, refine). */
export interface SearchStrategy {
  id: StrategyId;
  label: string;
  /** Hyperparameters with the paper's defaults, for forms and records. */
  defaults: Record<string, number>;
  /**
   * Starts a new search, or continues one from a saved record when `resume` is given. A record with
   * its `resume` state continues exactly; one without (a fork, a trimmed link, a record from
   * elsewhere) continues with statistics rebuilt from its nodes; it does not replay the original
   * RNG (which starts from `Rng.seeded(record.seed)`), and its calls count against the budget.
   */
  create(context: SearchContext, resume?: RunRecord): SearchSession;
}
