import type { Transition } from '../env/types';
import type { Breakdown } from '../cwm/types';
import type { ChatMessage, CompletionOptions } from '../llm/types';
import type { ProtocolId, RecordedDescription } from '../protocol/protocols';

/** Search strategies that record the same RunRecord. */
export type StrategyId = 'gif-mcts' | 'worldcoder' | 'best-of-n' | 'refine';

/** The kind of LLM call that produced a node. */
export type CallKind = 'generate' | 'improve' | 'fix';

/** How a node came to be: the root, an LLM action, or a program a user wrote. */
export type NodeAction = 'root' | CallKind | 'user';

/** One LLM call: the prompt, the raw completion, its time and token count. */
export interface CallRecord {
  id: number;
  kind: CallKind;
  messages: ChatMessage[];
  completion: string;
  ms: number;
  tokens: number;
  /** Set when the call failed and produced no node. */
  error?: string;
}

/** One node of the search tree, as saved and shared. */
export interface NodeRecord {
  id: number;
  parentId: number | null;
  action: NodeAction;
  callId?: number;
  program: string;
  score: number;
  accuracy: number;
  breakdown: Breakdown | null;
  bug: string | null;
  visits: number;
  value: number;
  /** GIF-MCTS prefix (the node's state); absent for baselines. */
  prefix?: string;
  terminal?: boolean;
  /** The model's critique (error explanation, location, fix suggestion) of an improve or fix under the paper's prompts. */
  critique?: string;
}

/** A user-made environment that travels inside the record. */
export interface CustomEnv {
  title: string;
  description: string;
  transitions: Transition[];
  observation?: unknown;
  action?: unknown;
  stateComparison?: 'exact' | 'tolerant';
  simulator?: string;
}

/** The serializable history of a run, identical from the CLI and the page. */
export interface RunRecord {
  version: 1;
  createdAt: string;
  name?: string;
  env: { id: string; datasetHash: string; dataset?: string; custom?: CustomEnv };
  strategy: StrategyId;
  params: Record<string, unknown>;
  seed: number;
  provider: { kind: string; model: string; baseUrl?: string };
  /** The protocol the run followed; absent in records made before protocols existed (playground). */
  protocol?: ProtocolId;
  /** Which description the model read; absent in older records (hinted, or custom on a custom env). */
  descriptionVariant?: RecordedDescription;
  /** Set when the user edited that description before the run. */
  descriptionEdited?: boolean;
  /** The sampling settings sent with every call (never a key). */
  sampling?: CompletionOptions;
  calls: CallRecord[];
  nodes: NodeRecord[];
  best: { nodeId: number; score: number } | null;
  /** The LLM-call budget the run was given (the page stamps it), so a continued run keeps it. */
  budget?: number;
  /** Search state needed to resume exactly (RNG words, value-model weights…). */
  resume?: Record<string, unknown>;
  status?: 'running' | 'paused' | 'done' | 'stopped' | 'failed';
  /** Set when parts were dropped to fit a share link: how far, and the original sizes. */
  trimmed?: { step: 'prompts' | 'best-path' | 'completions'; nodes: number; calls: number };
  /** Set on a fork: the run and node it was forked from. */
  forkedFrom?: { createdAt: string; name?: string; nodeId: number };
}
