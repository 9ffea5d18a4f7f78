import { Rng } from '../rng';
import type { CallKind, NodeRecord, RunRecord } from '../run/types';

/**
 * A made-up GIF-MCTS-like run of `n` nodes (root included) for the tree benchmark and tests:
 * parents favour high scores, buggy parents only get fixes, one LLM call per non-root node.
 * Deterministic per seed.
 */
export function syntheticRecord(n: number, seed = 1): RunRecord {
  const rng = Rng.seeded(seed);
  const nodes: NodeRecord[] = [{ id: 0, parentId: null, action: 'root', program: '', score: 0, accuracy: 0, breakdown: null, bug: null, visits: 1, value: 0 }];
  const calls: RunRecord['calls'] = [];
  let best: RunRecord['best'] = null;
  for (let id = 1; id < n; id++) {
    const parent = pickParent(nodes, rng);
    const kind: CallKind = parent.id === 0 ? 'generate' : parent.bug !== null ? 'fix' : rng.next() < 0.5 ? 'generate' : 'improve';
    const buggy = rng.next() < 0.15;
    const score = buggy ? 0 : round3(clamp01((parent.bug ? 0.5 : parent.score) + 0.15 * rng.normal()));
    const program = `class Environment {\n  // synthetic node ${id}\n  step(a) { return [0, ${score}, false]; }\n}\n`;
    calls.push({ id: id - 1, kind, messages: [{ role: 'user', content: `synthetic ${kind} call` }], completion: program, ms: 0, tokens: 0 });
    nodes.push({
      id,
      parentId: parent.id,
      action: kind,
      callId: id - 1,
      program,
      score,
      accuracy: score,
      breakdown: buggy ? null : { state: score, reward: score, done: score },
      bug: buggy ? `TypeError: synthetic bug in node ${id} (line 3)` : null,
      visits: 1,
      value: score,
      terminal: kind === 'generate' && rng.next() < 0.05,
    });
    if (!best || score > best.score) best = { nodeId: id, score };
  }
  return {
    version: 1,
    createdAt: '2024-01-01T00:00:00.000Z',
    name: `synthetic ${n}`,
    env: { id: 'cartpole', datasetHash: 'synthetic' },
    strategy: 'gif-mcts',
    params: {},
    seed,
    provider: { kind: 'replay', model: 'synthetic' },
    calls,
    nodes,
    best,
    status: 'done',
  };
}

/** Best of three random non-terminal nodes: the tree deepens along good branches, like UCT does. */
function pickParent(nodes: NodeRecord[], rng: Rng): NodeRecord {
  let chosen: NodeRecord | null = null;
  for (let k = 0; k < 3; k++) {
    const c = nodes[rng.int(nodes.length)];
    if (c.terminal) continue;
    if (!chosen || c.score > chosen.score) chosen = c;
  }
  return chosen ?? nodes[0];
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
