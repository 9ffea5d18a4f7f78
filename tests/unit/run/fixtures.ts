import { Rng } from '../../../src/core/rng';
import type { CallRecord, NodeRecord, RunRecord } from '../../../src/core/run/types';

const PROGRAM = `class Environment {\n  constructor() { this.s = 0; }\n  setState(s) { this.s = s; }\n  step(a) { return [this.s + a, 1, false]; }\n}\n`;

/** A small hand-made run: root, two generated children, a buggy one fixed, best = node 4. */
export function sampleRecord(): RunRecord {
  const call = (id: number, kind: CallRecord['kind']): CallRecord => ({
    id,
    kind,
    messages: [
      { role: 'system', content: 'You write Python-free JavaScript world models.' },
      { role: 'user', content: `Call ${id}: write the environment. ünïcödé ✓` },
    ],
    completion: '```js\n' + PROGRAM + '```',
    ms: 1200 + id,
    tokens: 300 + id,
  });
  const node = (id: number, parentId: number | null, action: NodeRecord['action'], score: number, bug: string | null = null): NodeRecord => ({
    id,
    parentId,
    action,
    ...(action === 'root' ? {} : { callId: id - 1 }),
    program: action === 'root' ? '' : PROGRAM + `// node ${id}\n`,
    score,
    accuracy: score,
    breakdown: action === 'root' ? null : { state: score, reward: 1, done: 1 },
    bug,
    visits: 1,
    value: score,
  });
  return {
    version: 1,
    createdAt: '2025-01-02T03:04:05.000Z',
    env: { id: 'cartpole', datasetHash: 'abcdef01' },
    strategy: 'gif-mcts',
    params: { C: 0.1, epsilon: 1 },
    seed: 7,
    provider: { kind: 'replay', model: 'scripted' },
    calls: [call(0, 'generate'), call(1, 'generate'), call(2, 'fix'), call(3, 'improve')],
    nodes: [node(0, null, 'root', 0), node(1, 0, 'generate', 0.5), node(2, 0, 'generate', 0, 'TypeError: x is undefined (line 3)'), node(3, 2, 'fix', 0.6), node(4, 1, 'improve', 0.9)],
    best: { nodeId: 4, score: 0.9 },
    status: 'done',
  };
}

/** A random but valid run record of `size` nodes, deterministic per seed, for property tests. */
export function randomRecord(seed: number, size: number, textLength = 200): RunRecord {
  const rng = Rng.seeded(seed);
  const kinds = ['generate', 'improve', 'fix'] as const;
  const text = (n: number) => Array.from({ length: n }, () => 'abcdefghij (){};=+\n\t"\\é✓'[rng.int(24)]).join('');
  const calls: CallRecord[] = [];
  const nodes: NodeRecord[] = [{ id: 0, parentId: null, action: 'root', program: '', score: 0, accuracy: 0, breakdown: null, bug: null, visits: size, value: 0 }];
  for (let id = 1; id < size; id++) {
    const kind = kinds[rng.int(3)];
    calls.push({ id: id - 1, kind, messages: [{ role: 'user', content: text(textLength) }], completion: text(textLength), ms: rng.int(5000), tokens: rng.int(1500) });
    const score = Math.round(rng.next() * 1000) / 1000;
    const bug = rng.next() < 0.2 ? text(30) : null;
    nodes.push({
      id,
      parentId: rng.int(id),
      action: kind,
      callId: id - 1,
      program: text(textLength),
      score: bug ? 0 : score,
      accuracy: bug ? 0 : score,
      breakdown: bug ? null : { state: score, reward: 1, done: 0.5 },
      bug,
      visits: rng.int(10),
      value: rng.next(),
    });
  }
  let best: RunRecord['best'] = null;
  for (const n of nodes) if (n.action !== 'root' && (!best || n.score > best.score)) best = { nodeId: n.id, score: n.score };
  return {
    version: 1,
    createdAt: new Date(Date.UTC(2025, 0, 1) + seed * 1000).toISOString(),
    env: { id: 'taxi', datasetHash: seed.toString(16).padStart(8, '0') },
    strategy: (['gif-mcts', 'worldcoder', 'best-of-n', 'refine'] as const)[rng.int(4)],
    params: { C: rng.next() },
    seed: rng.nextUint32(),
    provider: { kind: 'openai-compatible', model: 'qwen2.5-coder', baseUrl: 'http://localhost:11434/v1' },
    calls,
    nodes,
    best,
  };
}
