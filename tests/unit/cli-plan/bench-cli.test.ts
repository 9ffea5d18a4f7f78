import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { benchCommand } from '../../../src/cli/bench';
import { parseBenchLines } from '../../../src/core/bench/run';
import { useCliSession } from '../../support/cli-session';
import { startFakeOpenAi, type FakeServer, type RecordedRequest } from '../../support/fake-openai';

const fixture = (name: string) => readFile(join(__dirname, '../../fixtures/programs', name), 'utf8');
const answer = (code: string) => `Here is the environment:\n\n\`\`\`javascript\n${code}\`\`\`\n`;

const session = useCliSession('cwm-bench-');

/** A server that answers every prompt with the correct program of the environment it describes. */
async function correctServer(): Promise<FakeServer> {
  const [cartpole, cliff] = await Promise.all([fixture('cartpole.js'), fixture('plan/cliffwalking.js')]);
  const prompt = (r: RecordedRequest) => JSON.stringify(r.body?.messages ?? '');
  return startFakeOpenAi({ respond: (r) => ({ type: 'stream', text: answer(/cart/i.test(prompt(r)) ? cartpole : cliff), chunks: 3 }) });
}

// Reduced planning keeps the test fast; the command defaults to the paper's settings.
const args = (out: string, seeds = '1', extra: string[] = []) => [
  '--envs',
  'cartpole,cliffwalking',
  '--strategies',
  'gif-mcts,worldcoder',
  '--budget',
  '3',
  '--seeds',
  seeds,
  '--provider',
  'openai',
  '--base-url',
  session.fake!.url,
  '--model',
  'fake-model',
  '--episodes',
  '2',
  '--simulations',
  '4',
  '--rollout-depth',
  '8',
  '--out',
  out,
  '--protocol',
  'playground',
  ...extra,
];

describe('cwm bench against a local OpenAI-protocol server', () => {
  test('runs env × strategy × seed under the playground protocol, writes jsonl, Markdown and CSV, and resumes', async () => {
    session.fake = await correctServer();
    const out = join(session.dir, 'bench');
    expect(await benchCommand(args(out))).toBe(0);
    // Each search stops at its first call: the program is correct.
    expect(session.fake.requests).toHaveLength(4);
    const lines = parseBenchLines(await readFile(`${out}.jsonl`, 'utf8'));
    expect(lines.map((l) => [l.envId, l.strategy, l.seed])).toEqual([
      ['cartpole', 'gif-mcts', 0],
      ['cartpole', 'worldcoder', 0],
      ['cliffwalking', 'gif-mcts', 0],
      ['cliffwalking', 'worldcoder', 0],
    ]);
    for (const l of lines) {
      expect(l).toMatchObject({
        accuracyPaper: 1,
        accuracyTolerant: 1,
        R: 1,
        calls: 1,
        bestByCall: [1],
        budget: 3,
        model: 'openai:fake-model',
        discrete: true,
        protocol: 'playground',
        description: 'hinted',
      });
      expect(l.returns!.model).toBe(l.returns!.oracle);
    }
    expect(lines[0].gymId).toBe('CartPole-v1');

    const md = await readFile(`${out}.md`, 'utf8');
    expect(md).toContain('# CWMB benchmark: playground protocol\n');
    expect(md).toContain(
      '- description: hinted description\n- model: openai:fake-model\n- provider settings: temperature 1, top_p 0.8, top_k 100, max_tokens 1500\n- budget: 3 LLM calls per search\n- seeds: 0\n',
    );
    expect(md).toContain('| cartpole | gif-mcts | playground | hinted | 1.00 | 1.00 | 1.00 | 1.00 / 0.99 † | 1.00 / 1.11 † |');
    expect(md).toContain('| cliffwalking | worldcoder | playground | hinted | 1.00 | 1.00 | 1.00 | 1.00 / 0.89 † | 1.00 / 0.97 † |');
    expect(md).toContain('| **discrete mean** | gif-mcts | playground | hinted | 1.00 ± 0.00 | 1.00 ± 0.00 | 1.00 ± 0.00 | | |');
    expect(md).toContain('- cartpole · gif-mcts vs paper GPT-4 Turbo: playground protocol, hinted description, budget 3 (paper 10), reduced planner (R)');
    expect(md).toContain('Paper columns: Dainese, Merler, Alakuijala, Marttinen.');
    const csv = (await readFile(`${out}.csv`, 'utf8')).trim().split('\n');
    expect(csv[0]).toMatch(/^row,environment,strategy,protocol,description,acc_paper_mean,/);
    expect(csv).toHaveLength(1 + 4 + 2);
    expect(JSON.parse(await readFile(`${out}.json`, 'utf8')).meta.protocols).toEqual(['playground protocol']);
    const record = JSON.parse(await readFile(join(`${out}.runs`, 'cartpole-gif-mcts-0.json'), 'utf8'));
    expect(record).toMatchObject({ strategy: 'gif-mcts', seed: 0, best: { nodeId: 1, score: 1 } });

    // A rerun skips every finished cell; one more seed runs only the new cells.
    expect(await benchCommand(args(out))).toBe(0);
    expect(session.fake.requests).toHaveLength(4);
    expect(await benchCommand(args(out, '2'))).toBe(0);
    expect(session.fake.requests).toHaveLength(8);
    expect(parseBenchLines(await readFile(`${out}.jsonl`, 'utf8'))).toHaveLength(8);
    expect(session.stderr.filter((l) => l.includes('done earlier, skipped'))).toHaveLength(4 + 4);

    // Replay: the same results from the recorded runs, with no server at all.
    const replay = join(session.dir, 'replay');
    const replayArgs = [
      '--envs',
      'cartpole',
      '--strategies',
      'gif-mcts',
      '--budget',
      '3',
      '--seeds',
      '2',
      '--provider',
      'replay',
      '--replay',
      out,
      '--episodes',
      '2',
      '--simulations',
      '4',
      '--rollout-depth',
      '8',
      '--out',
      replay,
      '--protocol',
      'playground',
    ];
    expect(await benchCommand(replayArgs)).toBe(0);
    const replayed = parseBenchLines(await readFile(`${replay}.jsonl`, 'utf8'));
    expect(replayed.map((l) => [l.seed, l.accuracyPaper, l.R, l.model])).toEqual([
      [0, 1, 1, 'openai:fake-model'],
      [1, 1, 1, 'openai:fake-model'],
    ]);
    expect(replayed.every((l) => l.replayed)).toBe(true);
  });

  test('a model that fails for good leaves the cell to a rerun (exit 1), which resumes it', async () => {
    session.fake = await startFakeOpenAi({ respond: () => ({ type: 'status', status: 400, message: 'bad request' }) });
    const out = join(session.dir, 'fail');
    const one = (server: FakeServer) => [
      '--envs',
      'cliffwalking',
      '--strategies',
      'refine',
      '--protocol',
      'playground',
      '--budget',
      '2',
      '--seeds',
      '1',
      '--provider',
      'openai',
      '--base-url',
      server.url,
      '--model',
      'm',
      '--episodes',
      '1',
      '--simulations',
      '4',
      '--rollout-depth',
      '5',
      '--out',
      out,
    ];
    expect(await benchCommand(one(session.fake))).toBe(1);
    expect(session.stderr.join('')).toMatch(/\[cell 1\/1\] cliffwalking · refine · seed 0: failed: .*rerun the same command to retry this cell/);
    expect(parseBenchLines(await readFile(`${out}.jsonl`, 'utf8').catch(() => ''))).toEqual([]);
    await session.fake.close();
    session.fake = await correctServer();
    expect(await benchCommand(one(session.fake))).toBe(0);
    expect(parseBenchLines(await readFile(`${out}.jsonl`, 'utf8'))).toMatchObject([{ envId: 'cliffwalking', strategy: 'refine', R: 1, accuracyPaper: 1 }]);
  });

  test('a transitions-only environment gets R = N/A with the reason', async () => {
    session.fake = await startFakeOpenAi({ respond: () => ({ type: 'stream', text: answer('class Environment { setState(s) { this.s = s; } step(a) { return [this.s, 0, false]; } }\n') }) });
    const out = join(session.dir, 'reacher');
    expect(
      await benchCommand([
        '--envs',
        'reacher',
        '--strategies',
        'best-of-n',
        '--protocol',
        'playground',
        '--budget',
        '1',
        '--seeds',
        '1',
        '--provider',
        'openai',
        '--base-url',
        session.fake.url,
        '--model',
        'm',
        '--out',
        out,
      ]),
    ).toBe(0);
    const [line] = parseBenchLines(await readFile(`${out}.jsonl`, 'utf8'));
    expect(line).toMatchObject({ envId: 'reacher', discrete: false, R: null, reason: 'no reference simulator to plan in (transitions-only environment)' });
    expect(line.accuracyTolerant).toBeGreaterThan(0);
    expect(await readFile(`${out}.md`, 'utf8')).toMatch(/\| reacher \| best-of-n \| playground \| hinted \| [\d.]+ \| [\d.]+ \| N\/A \|/);
  });

  test.each([
    [['--strategies', 'gif-mcts', '--budget', '1', '--provider', 'openai', '--out', 'x'], 'missing --envs'],
    [['--envs', 'nope', '--strategies', 'gif-mcts', '--budget', '1', '--provider', 'openai', '--out', 'x'], 'unknown environment "nope" in --envs'],
    [['--envs', 'cartpole', '--strategies', 'magic', '--budget', '1', '--provider', 'openai', '--out', 'x'], 'unknown strategy "magic"'],
    [['--envs', 'cartpole', '--strategies', 'gif-mcts', '--protocol', 'playground', '--provider', 'openai', '--out', 'x'], 'missing --budget'],
    [['--envs', 'cartpole', '--strategies', 'gif-mcts', '--protocol', 'tolerant', '--provider', 'openai', '--out', 'x'], '--protocol must be paper'],
    [['--envs', 'cartpole,frozenlake-8x8', '--strategies', 'gif-mcts', '--description', 'paper', '--provider', 'openai', '--out', 'x'], 'frozenlake-8x8 has no paper description'],
    [['--envs', 'cartpole', '--strategies', 'gif-mcts', '--budget', '1', '--provider', 'replay', '--out', 'x'], '--provider replay answers from a previous benchmark'],
    [['--envs', 'cartpole', '--strategies', 'gif-mcts', '--budget', '1', '--seeds', '0', '--provider', 'openai', '--out', 'x'], '--seeds must be a count ≥ 1'],
    [['--envs', 'cartpole', '--strategies', 'gif-mcts', '--budget', '1', '--provider', 'openai'], 'missing --out'],
  ])('exit 2 on bad input %j', async (argv, message) => {
    expect(await benchCommand(argv)).toBe(2);
    expect(session.stderr.join('')).toContain(`cwm bench: ${message}`);
  });
});
