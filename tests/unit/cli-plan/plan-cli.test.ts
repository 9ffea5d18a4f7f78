import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { formatPlanning, planCommand } from '../../../src/cli/plan';
import { formatRtfmPlanning } from '../../../src/cli/rtfm-plan';

const fixtures = join(__dirname, '../../fixtures/programs');
const FAST = ['--episodes', '3', '--seed', '1', '--simulations', '10', '--rollout-depth', '20'];

let stdout: string[];
let stderr: string[];

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(() => vi.restoreAllMocks());

describe('cwm plan', () => {
  test('--json prints the three returns and R for a correct CliffWalking program', async () => {
    expect(await planCommand(['--env', 'cliffwalking', '--program', join(fixtures, 'plan/cliffwalking.js'), '--json', ...FAST])).toBe(0);
    expect(stdout).toHaveLength(1);
    const out = JSON.parse(stdout[0]);
    expect(out).toEqual({
      returnModel: -123,
      returnRandom: -1552,
      returnOracle: -123,
      normalizedReturn: 1,
      episodes: 3,
      seed: 1,
      returns: { model: [-93, -176, -100], random: [-1882, -1288, -1486], oracle: [-93, -176, -100] },
      fallbacks: 0,
      steps: 270,
    });
    // One progress line per finished episode of each policy, on stderr.
    expect(stderr.filter((l) => /^\[(random|oracle|model)\] episode \d\/3: return -?\d+/.test(l))).toHaveLength(9);
  });

  test('--json says why the model failed and keeps the keys', async () => {
    expect(await planCommand(['--env', 'cartpole', '--program', join(fixtures, 'plan/hostile-loop.js'), '--json', '--timeout-ms', '200', ...FAST])).toBe(0);
    const out = JSON.parse(stdout[0]);
    expect(Object.keys(out).slice(0, 4)).toEqual(['returnModel', 'returnRandom', 'returnOracle', 'normalizedReturn']);
    expect(out.modelError).toBe('planning one action timed out after 0.2 s; make step() fast and free of endless loops');
    expect(out.fallbacks).toBe(out.steps);
  });

  test('without --json it prints a readable report', async () => {
    expect(await planCommand(['--env', 'cartpole', '--program', join(fixtures, 'plan/useless.js'), ...FAST])).toBe(0);
    expect(stdout[0]).toMatch(/^cartpole · .*useless\.js · 3 episodes · seed 1\nrandom    19\.67 .*\noracle    444\.33 .*\nmodel     19\.67 .*\nR         0\.0000 /);
  });

  test.each([
    [['--env', 'nope', '--program', 'x.js'], 'unknown environment "nope"; run `cwm envs` to list them'],
    [['--env', 'reacher', '--program', 'x.js'], 'planning needs a simulator, and "reacher" has none'],
    [['--env', 'cartpole', '--program', join(fixtures, 'missing.js')], 'cannot read program'],
    [['--env', 'cartpole'], 'missing --program'],
    [['--env', 'cartpole', '--program', 'x.js', '--episodes', '0'], '--episodes must be an integer ≥ 1'],
    [['--env', 'cartpole', '--program', 'x.js', '--budget', '3'], 'unknown option --budget'],
  ])('exit 2 on bad input %j', async (argv, message) => {
    expect(await planCommand(argv)).toBe(2);
    expect(stderr.join('')).toContain(`cwm plan: ${message}`);
    expect(stdout).toEqual([]);
  });
});

describe('planning reports', () => {
  const returns = { returnRandom: -0.5, returnOracle: 1, returnModel: 0.25, normalizedReturn: 0.5 };
  test('cwm plan prints the three returns, R, and how often a failed model fell back', () => {
    const result = { ...returns, episodes: 2, returns: { model: [], random: [], oracle: [] }, modelError: 'x is not defined', fallbacks: 3, steps: 40 };
    expect(formatPlanning(result, 'h').split('\n')).toEqual([
      'h',
      'random    -0.50  (mean return of uniformly random actions)',
      'oracle    1.00  (the planner with the reference simulator as its model)',
      'model     0.25  (the planner with this program as its model)',
      'R         0.5000  (model − random) / (oracle − random)',
      'model failed: x is not defined; 3 of 40 steps acted randomly instead',
    ]);
  });
  test('cwm plan --env rtfm says R is N/A and why, and draws random actions among valid ones', () => {
    const lines = formatRtfmPlanning({ ...returns, normalizedReturn: null, reason: 'the oracle does no better than random', modelError: null }, 'rtfm').split('\n');
    expect(lines).toEqual(['rtfm', 'random    -0.50  (mean return of uniformly random valid actions)', lines[2], lines[3], 'R         N/A: the oracle does no better than random']);
  });
});
