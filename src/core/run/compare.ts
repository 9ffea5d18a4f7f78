import type { RunRecord, StrategyId } from './types';
import { protocolLabel, recordDescription, recordProtocol } from '../protocol/protocols';

/** What the runs list and the compare view show about one run. */
export interface RunSummary {
  name: string;
  env: string;
  strategy: StrategyId;
  /** Protocol and description, e.g. "paper protocol · paper description". */
  protocol: string;
  /** The model that wrote the programs, e.g. "qwen2.5-coder:7b" ("" when unknown). */
  model: string;
  seed: number;
  createdAt: string;
  bestScore: number;
  nodes: number;
  calls: number;
  /** Nodes whose program raised an error. */
  bugs: number;
  /** Best score seen after each LLM call, in call order: the "score per call" curve. */
  bestPerCall: number[];
}

/**
 * The name a run has until the user renames it: environment, strategy, model and start time
 * (UTC, to the minute), e.g. "cartpole · gif-mcts · qwen2.5-coder:7b · 2026-12-04 03:57".
 */
export function defaultRunName(record: Pick<RunRecord, 'env' | 'strategy' | 'provider' | 'createdAt'>): string {
  const when = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(record.createdAt ?? '') ? record.createdAt.slice(0, 16).replace('T', ' ') : '';
  return [record.env.id, record.strategy, record.provider?.model, when].filter(Boolean).join(' · ');
}

/** Summarizes a run for lists and comparison. */
export function summarizeRun(record: RunRecord): RunSummary {
  const scoreByCall = new Map<number, number>();
  for (const n of record.nodes) {
    if (n.callId !== undefined) scoreByCall.set(n.callId, Math.max(scoreByCall.get(n.callId) ?? 0, n.score));
  }
  const bestPerCall: number[] = [];
  let best = 0;
  // A failed call produced no node but still spent budget, so it repeats the best so far.
  for (const call of [...record.calls].sort((a, b) => a.id - b.id)) {
    best = Math.max(best, scoreByCall.get(call.id) ?? 0);
    bestPerCall.push(best);
  }
  return {
    name: record.name ?? defaultRunName(record),
    env: record.env.id,
    strategy: record.strategy,
    protocol: protocolLabel(recordProtocol(record), recordDescription(record), record.descriptionEdited),
    model: record.provider?.model ?? '',
    seed: record.seed,
    createdAt: record.createdAt,
    bestScore: record.best?.score ?? 0,
    nodes: record.nodes.length,
    calls: record.calls.length,
    bugs: record.nodes.filter((n) => n.bug !== null).length,
    bestPerCall,
  };
}

/** Two runs side by side: both summaries and what differs, for the compare view. */
export interface RunComparison {
  a: RunSummary;
  b: RunSummary;
  sameEnv: boolean;
  /** Both runs followed the same protocol with the same description. */
  sameProtocol: boolean;
  /** bestScore of b minus that of a. */
  scoreDelta: number;
  /** 'a', 'b', or 'tie' by best score, then by fewer calls to reach it. */
  leader: 'a' | 'b' | 'tie';
  /** Calls each run needed to first reach its best score (0 when it never scored). */
  callsToBest: { a: number; b: number };
}

function callsToBest(s: RunSummary): number {
  const i = s.bestPerCall.findIndex((x) => x >= s.bestScore && x > 0);
  return i < 0 ? 0 : i + 1;
}

/** Compares two runs: best score, calls, nodes and the score-per-call curves. */
export function compareRuns(ra: RunRecord, rb: RunRecord): RunComparison {
  const a = summarizeRun(ra);
  const b = summarizeRun(rb);
  const ca = callsToBest(a);
  const cb = callsToBest(b);
  let leader: RunComparison['leader'] = 'tie';
  if (a.bestScore !== b.bestScore) leader = a.bestScore > b.bestScore ? 'a' : 'b';
  else if (ca !== cb && a.bestScore > 0) leader = ca < cb ? 'a' : 'b';
  return { a, b, sameEnv: a.env === b.env, sameProtocol: a.protocol === b.protocol, scoreDelta: b.bestScore - a.bestScore, leader, callsToBest: { a: ca, b: cb } };
}
