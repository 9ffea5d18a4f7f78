import { describe, expect, it } from 'vitest';
import { validateRunRecord } from '../../../src/core/run';
import { randomRecord, sampleRecord } from './fixtures';

function mutate(change: (r: any) => void): unknown {
  const r: any = JSON.parse(JSON.stringify(sampleRecord()));
  change(r);
  return r;
}

function errorOf(json: unknown): string {
  const result = validateRunRecord(json);
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

describe('validateRunRecord', () => {
  it('accepts a valid record and returns an equal, separate copy', () => {
    const record = sampleRecord();
    const result = validateRunRecord(record);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toEqual(record);
    expect(result.record).not.toBe(record);
    expect(result.record.nodes).not.toBe(record.nodes);
  });

  it('accepts 50 random records', () => {
    for (let seed = 1; seed <= 50; seed++) expect(validateRunRecord(randomRecord(seed, 1 + (seed % 30))).ok).toBe(true);
  });

  it('keeps unknown extra fields (a newer cwm may add some)', () => {
    const result = validateRunRecord(mutate((r) => ((r.extra = { a: 1 }), (r.nodes[1].note = 'hi'))));
    expect(result.ok && (result.record as any).extra).toEqual({ a: 1 });
    expect(result.ok && (result.record.nodes[1] as any).note).toBe('hi');
  });

  const cases: Array<[string, unknown, RegExp]> = [
    ['an array', [], /must be a JSON object, but this is a list of 0/],
    ['a string', 'hello', /must be a JSON object, but this is the text "hello"/],
    ['a foreign object', { foo: 1 }, /not a CWM Playground run: it has neither "version" nor "nodes"/],
    ['a newer version', mutate((r) => (r.version = 2)), /format version 2, newer than this playground reads \(1\)\. Reload the page/],
    ['a missing version', mutate((r) => delete r.version), /^version is missing; a run record has version 1/],
    ['an unknown strategy', mutate((r) => (r.strategy = 'alphazero')), /^strategy is the text "alphazero"; it must be one of "gif-mcts", "worldcoder", "best-of-n", "refine"/],
    ['a score above 1', mutate((r) => (r.nodes[2].score = 1.5)), /^nodes\[2\]\.score is 1\.5, outside the allowed range 0 to 1/],
    ['a dangling parent', mutate((r) => (r.nodes[3].parentId = 42)), /^nodes\[3\]\.parentId is 42, but no earlier node has that id\. The run is truncated or was edited/],
    ['a parent after its child', mutate((r) => (r.nodes[1].parentId = 4)), /^nodes\[1\]\.parentId is 4, but no earlier node/],
    ['a duplicate node id', mutate((r) => (r.nodes[2].id = 1)), /^nodes\[2\]\.id is 1, the same as an earlier node/],
    ['a dangling callId', mutate((r) => (r.nodes[4].callId = 99)), /^nodes\[4\]\.callId is 99, but no call has that id/],
    ['a missing program', mutate((r) => delete r.nodes[1].program), /^nodes\[1\]\.program must be text, but it is missing/],
    ['a non-integer seed', mutate((r) => (r.seed = 1.5)), /^seed must be a whole number, but it is 1\.5/],
    ['a dangling best', mutate((r) => (r.best.nodeId = 17)), /^best\.nodeId is 17, but the record has no node with that id/],
    ['a missing best', mutate((r) => delete r.best), /^best must be an object, but it is missing/],
    ['a bad message role', mutate((r) => (r.calls[0].messages[0].role = 'tool')), /^calls\[0\]\.messages\[0\]\.role is the text "tool"/],
    ['a second root', mutate((r) => (r.nodes[2].parentId = null)), /^nodes\[2\] has action "generate" and parentId null; only the root has no parent/],
    [
      'a __proto__ key',
      JSON.parse(JSON.stringify(sampleRecord()).replace('"params":{', '"params":{"__proto__":{"polluted":true},')),
      /^record\.params contains the key "__proto__", which is never part of a run and is refused/,
    ],
    ['a constructor key deep inside', mutate((r) => (r.nodes[1].breakdown = { constructor: 1, state: 1, reward: 1, done: 1 })), /record\.nodes\[1\]\.breakdown contains the key "constructor"/],
    ['a custom env id without the env', mutate((r) => (r.env.id = 'custom:mine')), /^env\.id is "custom:mine", a custom environment, but the record does not carry it/],
    ['an env id with a slash', mutate((r) => (r.env.id = '../etc')), /^env\.id "\.\.\/etc" is not an environment id/],
  ];
  for (const [name, json, message] of cases) {
    it(`rejects ${name} with a message naming the field`, () => {
      expect(errorOf(json)).toMatch(message);
      expect(({} as any).polluted).toBeUndefined();
    });
  }

  it('rejects absurd nesting without overflowing the stack', () => {
    let deep: any = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorOf(mutate((r) => (r.params.deep = deep)))).toMatch(/^record\.params\.deep\[0\](\[0\])+ is nested more than 64 levels deep/);
  });

  it('rejects too many nodes with the cap in the message', () => {
    const many = mutate((r) => (r.nodes = Array.from({ length: 20_001 }, () => r.nodes[0])));
    expect(errorOf(many)).toBe('nodes has 20001 entries; at most 20000 are accepted. Split the run or trim it before sharing.');
  });

  it('validates a carried custom environment row by row', () => {
    const custom = {
      title: 'Counter',
      description: 'x',
      transitions: [
        { state: [0, 1], action: 0, next_state: [1, 1], reward: 1, done: false },
        { state: [0], action: 0, next_state: [1], reward: 1, done: false },
      ],
    };
    const error = errorOf(mutate((r) => ((r.env.id = 'custom:counter'), (r.env.custom = custom))));
    expect(error).toMatch(/^env\.custom\.transitions\[1\]\.state has a different shape from row 0's state/);
    custom.transitions.pop();
    expect(validateRunRecord(mutate((r) => ((r.env.id = 'custom:counter'), (r.env.custom = custom)))).ok).toBe(true);
  });
});
