import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCustomEnv, customEnvId, customEnvSpec, detectFormat, parseTransitions } from '../../../src/core/env/parse';
import { validateRunRecord } from '../../../src/core/run';

const CSV = `state_0,state_1,action,next_state_0,next_state_1,reward,done
0,0,1,1,0,0,false
1,0,1,2,0,0,false
2,0,0,2,1,1,True
0,1,0,0,0,0,0
`;

function errors(text: string, format?: 'csv' | 'json' | 'jsonl', maxRows?: number): string[] {
  const r = parseTransitions(text, format, maxRows);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => e.message);
}

describe('CSV transitions', () => {
  it('parses the column convention, infers spaces and trajectories', () => {
    const r = parseTransitions(CSV);
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.transitions[0]).toEqual({ state: [0, 0], action: 1, next_state: [1, 0], reward: 0, done: false, traj_start: 0 });
    expect(r.transitions[3]).toEqual({ state: [0, 1], action: 0, next_state: [0, 0], reward: 0, done: false, traj_start: 3 });
    expect(r.preview).toMatchObject({ format: 'csv', rows: 4, trajectories: 2, terminals: 1, observation: { kind: 'multi-discrete', nvec: [3, 2] }, action: { kind: 'discrete', n: 2 } });
    expect(r.preview.summary).toBe('4 transitions in 2 trajectories (1 terminal); observation MultiDiscrete(3, 2), action Discrete(2).');
  });

  it('reads scalar columns, semicolons, CRLF, vector actions and floats as Box', () => {
    const r = parseTransitions('state;action_0;action_1;next_state;reward;done;truncated;traj_start\r\n0.5;0.1;-1;0.25;-1.5;0;1;0\r\n');
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.transitions).toEqual([{ state: 0.5, action: [0.1, -1], next_state: 0.25, reward: -1.5, done: false, truncated: true, traj_start: 0 }]);
    expect(r.preview.observation).toEqual({ kind: 'box', shape: [1], low: [0.25], high: [0.5] });
    expect(r.preview.action).toEqual({ kind: 'box', shape: [2], low: [0.1, -1], high: [0.1, -1] });
  });

  const bad: Array<[string, string, string]> = [
    ['a non-number', CSV.replace('1,0,1,2,0', '1,0,x,2,0'), 'Line 3 (transition 1): action is "x", not a number.'],
    ['a missing cell', CSV.replace('2,0,0,2,1,1,True', '2,0,0,2,1,1'), 'Line 4 (transition 2): it has 6 cells but the header has 7.'],
    ['an empty cell', CSV.replace('2,0,0,2,1,1,True', '2,0,0,,1,1,True'), 'Line 4 (transition 2): next_state_0 is missing.'],
    ['a bad boolean', CSV.replace('True', 'yes'), 'Line 4 (transition 2): done is "yes"; use true/false or 1/0.'],
    [
      'no reward column',
      'state,action,next_state,done\n1,0,1,false\n',
      'Line 1 (header): the header has no "reward" column. Expected columns: state_0..state_k (or state), action (or action_0..), next_state_0..next_state_k (or next_state), reward, done[, truncated, traj_start].',
    ],
    [
      'mismatched state columns',
      'state_0,state_1,action,next_state_0,reward,done\n',
      'Line 1 (header): the header has 2 state column(s) but 1 next_state column(s); they must match. Expected columns: state_0..state_k (or state), action (or action_0..), next_state_0..next_state_k (or next_state), reward, done[, truncated, traj_start].',
    ],
    [
      'a gap in numbering',
      'state_0,state_2,action,next_state_0,next_state_1,reward,done\n',
      'Line 1 (header): the header has state_2 but no state_1; number the columns from 0 without gaps. Expected columns: state_0..state_k (or state), action (or action_0..), next_state_0..next_state_k (or next_state), reward, done[, truncated, traj_start].',
    ],
    ['a header only', 'state,action,next_state,reward,done\n', 'The data has a header or brackets but no transitions. Add at least one transition.'],
    ['nothing', '   ', 'No transitions yet. Paste or upload JSON, JSONL or CSV transitions.'],
  ];
  for (const [name, text, message] of bad) {
    it(`points at the row for ${name}`, () => {
      expect(errors(text)[0]).toBe(message);
    });
  }

  it('reports every bad row, up to 20', () => {
    const lines = ['state,action,next_state,reward,done', ...Array.from({ length: 30 }, (_, i) => `${i},a,1,0,false`)];
    const list = errors(lines.join('\n'));
    expect(list).toHaveLength(20);
    expect(list[19]).toBe('Line 21 (transition 19): action is "a", not a number.');
  });

  it('refuses more than the row limit, pointing at the first extra line', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `${i % 7},1,${(i + 1) % 7},0,false`);
    expect(errors(['state,action,next_state,reward,done', ...rows].join('\n'))).toEqual(['Line 100002: more than 100000 transitions; at most 100000 are accepted. Keep a sample of the trajectories.']);
  });
});

describe('JSON and JSONL transitions', () => {
  it("parses CWMB transitions.json unchanged (the CartPole pack's copy, 4-element Box)", () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../../envs/cartpole/data/cwmb.json'), 'utf8');
    const source = JSON.parse(text);
    const r = parseTransitions(text);
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(detectFormat(text)).toBe('json');
    expect(r.transitions).toEqual(source);
    expect(r.preview.observation.kind).toBe('box');
    expect(r.preview.action).toEqual({ kind: 'discrete', n: 2 });
  });

  it('parses JSONL and fills in traj_start from done', () => {
    const text =
      '{"state":3,"action":1,"next_state":4,"reward":-1,"done":false}\n\n{"state":4,"action":1,"next_state":5,"reward":10,"done":true}\n{"state":0,"action":0,"next_state":0,"reward":-1,"done":false}\n';
    expect(detectFormat(text)).toBe('jsonl');
    const r = parseTransitions(text);
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.transitions.map((t) => t.traj_start)).toEqual([0, 0, 2]);
    expect(r.preview.observation).toEqual({ kind: 'discrete', n: 6 });
  });

  const bad: Array<[string, string, string]> = [
    ['a missing field (JSON)', '[{"state":1,"action":0,"next_state":2,"reward":0,"done":false},{"state":1,"action":0,"next_state":2,"done":false}]', 'Transition 1: the field "reward" is missing.'],
    ['a string state (JSON)', '[{"state":"up","action":0,"next_state":2,"reward":0,"done":false}]', 'Transition 0: state is "up", not a number.'],
    ['a nested list element', '[{"state":[1,[2]],"action":0,"next_state":[1,2],"reward":0,"done":false}]', 'Transition 0: state[1] is [2], not a number.'],
    [
      'mismatched shapes',
      '[{"state":[1,2],"action":0,"next_state":[1,2],"reward":0,"done":false},{"state":[1,2],"action":0,"next_state":[1,2,3],"reward":0,"done":false}]',
      "Transition 1: next_state is a list of 3, but transition 0's state is a list of 2. Every transition must have the same shapes.",
    ],
    ['a bad JSONL line', '{"state":1,"action":0,"next_state":2,"reward":0,"done":false}\n{"state":1,\n', 'Line 2 (transition 1): it is not valid JSON.'],
    [
      'a JSONL shape change',
      '{"state":1,"action":0,"next_state":2,"reward":0,"done":false}\n\n{"state":1,"action":[0],"next_state":2,"reward":0,"done":false}\n',
      "Line 3 (transition 1): action is a list of 1, but transition 0's action is a single number. Every transition must have the same shapes.",
    ],
    ['broken JSON', '[{"state":1,', 'The text is not valid JSON'],
    ['a JSON object that is not transitions', '{"hello": 1}', 'Line 1 (transition 0): the field "state" is missing.'],
    ['a JSON object without a list', '{\n"hello": 1}', 'The JSON is not a list of transitions.'],
    ['a wrapped list', '{"transitions": [{"state":1,"action":0,"next_state":2,"reward":0}]}', 'Transition 0: the field "done" is missing.'],
    ['a number in the list', '[5]', 'Transition 0: it is 5, not an object with state, action, next_state, reward, done.'],
  ];
  for (const [name, text, message] of bad) {
    it(`points at the row for ${name}`, () => {
      expect(errors(text)[0].startsWith(message)).toBe(true);
    });
  }

  it('refuses more than the row limit in a JSON array', () => {
    expect(errors('[' + Array(6).fill('{}').join(',') + ']', 'json', 5)).toEqual(['The JSON has 6 transitions; at most 5 are accepted. Keep a sample of the trajectories.']);
  });
});

describe('custom environments', () => {
  it('builds a CustomEnv and EnvSpec that a run record can carry', () => {
    const r = parseTransitions(CSV);
    if (!r.ok) throw new Error('parse');
    const env = buildCustomEnv({ title: '  Grid Wörld 2! ', description: 'A 3×2 grid.', transitions: r.transitions });
    expect(customEnvId(env.title)).toBe('custom:grid-world-2');
    const spec = customEnvSpec(env);
    expect(spec).toEqual({
      id: 'custom:grid-world-2',
      title: 'Grid Wörld 2!',
      description: 'A 3×2 grid.',
      observation: { kind: 'multi-discrete', nvec: [3, 2] },
      action: { kind: 'discrete', n: 2 },
      stateComparison: 'exact',
      episodeLimit: null,
      planner: 'mcts',
      hasSimulator: false,
      cwmb: false,
    });
    const record = {
      version: 1,
      createdAt: 'now',
      env: { id: spec.id, datasetHash: '0', custom: env },
      strategy: 'refine',
      params: {},
      seed: 1,
      provider: { kind: 'replay', model: 'x' },
      calls: [],
      nodes: [],
      best: null,
    };
    expect(validateRunRecord(JSON.parse(JSON.stringify(record))).ok).toBe(true);
  });

  it('gives an id even to a title with no letters', () => {
    expect(customEnvId('✓✓✓')).toBe('custom:env');
  });
});
