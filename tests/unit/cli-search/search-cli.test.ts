import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { searchCommand } from '../../../src/cli/search';
import { validateRunRecord } from '../../../src/core/run/validate';
import type { RunRecord } from '../../../src/core/run/types';
import { useCliSession } from '../../support/cli-session';
import { startFakeOpenAi, type FakeServer } from '../../support/fake-openai';

const fixture = (name: string) => readFile(join(__dirname, '../../fixtures/programs/search', name), 'utf8');
/** A completion as a chat model writes one: prose, the program in a fence, more prose. */
const answer = (code: string) => `Here is the environment:\n\n\`\`\`javascript\n${code}\`\`\`\n\nIt follows the description.`;

const session = useCliSession('cwm-search-');

/** A session.fake server answering: a buggy program, a wrong one, then the correct one. */
async function scriptedServer(): Promise<FakeServer> {
  const [buggy, wrong, correct] = await Promise.all(['cartpole-buggy.js', 'cartpole-wrong.js', 'cartpole-correct.js'].map(fixture));
  return startFakeOpenAi({ script: [buggy, wrong, correct].map((code) => ({ type: 'stream' as const, text: answer(code), chunks: 5 })) });
}

async function readRecord(path: string): Promise<RunRecord> {
  const checked = validateRunRecord(JSON.parse(await readFile(path, 'utf8')));
  if (!checked.ok) throw new Error(`record does not validate: ${checked.error}`);
  return checked.record;
}

function baseArgs(strategy: string, out: string): string[] {
  return ['--env', 'cartpole', '--strategy', strategy, '--budget', '6', '--seed', '3', '--provider', 'openai', '--base-url', session.fake!.url, '--model', 'fake-model', '--out', out];
}

describe('cwm search against a local OpenAI-protocol server on CartPole', () => {
  for (const strategy of ['gif-mcts', 'worldcoder'] as const) {
    test(`${strategy} reaches the correct program in three calls`, async () => {
      session.fake = await scriptedServer();
      const out = join(session.dir, `${strategy}.json`);
      expect(await searchCommand(baseArgs(strategy, out))).toBe(0);
      const record = await readRecord(out);
      expect(record.version).toBe(1);
      expect(record.strategy).toBe(strategy);
      expect(record.provider).toEqual({ kind: 'openai', model: 'fake-model', baseUrl: session.fake.url });
      expect(record.nodes[0]).toMatchObject({ id: 0, parentId: null, action: 'root', program: '' });
      expect(record.nodes.map((n) => n.action)).toEqual(['root', 'generate', 'fix', expect.stringMatching(/^(generate|improve)$/)]);
      for (const n of record.nodes) for (const k of ['score', 'accuracy', 'visits', 'value'] as const) expect(typeof n[k]).toBe('number');
      expect(record.nodes[1].bug).toMatch(/^ReferenceError: forceFor is not defined \(line 23: /);
      expect(record.nodes[2].score).toBeGreaterThan(0);
      expect(record.nodes[2].score).toBeLessThan(1);
      expect(record.best).toEqual({ nodeId: 3, score: 1 });
      expect(record.nodes[3].program).toBe((await fixture('cartpole-correct.js')).trimEnd());
      expect(record.status).toBe('done');
      // One request per call, each with the paper's sampling settings stated explicitly.
      expect(session.fake.requests).toHaveLength(3);
      for (const r of session.fake.requests) expect(r.body).toMatchObject({ model: 'fake-model', temperature: 1, top_p: 0.8, max_tokens: 1500, stream: true });
      expect(record.calls.map((c) => c.kind)).toEqual(record.nodes.slice(1).map((n) => n.action));
      expect(session.stderr.filter((l) => l.startsWith('[call ')).length).toBe(3);
      expect(session.stderr.join('')).toContain('[call 1] generate of node 0 → node 1: bug: ReferenceError');
    });
  }

  test('a replay of the record rebuilds the same tree with no server', async () => {
    session.fake = await scriptedServer();
    const first = join(session.dir, 'first.json');
    expect(await searchCommand(baseArgs('gif-mcts', first))).toBe(0);
    const second = join(session.dir, 'second.json');
    expect(await searchCommand(['--provider', 'replay', '--run', first, '--out', second])).toBe(0);
    const [a, b] = [await readRecord(first), await readRecord(second)];
    expect(b.nodes).toEqual(a.nodes);
    expect(b.calls.map((c) => c.completion)).toEqual(a.calls.map((c) => c.completion));
    expect(b.provider.kind).toBe('replay');
  });

  test('a failed call writes the run so far and exits 1; --run continues it', async () => {
    const [buggy, , correct] = await Promise.all(['cartpole-buggy.js', 'cartpole-wrong.js', 'cartpole-correct.js'].map(fixture));
    session.fake = await startFakeOpenAi({
      script: [
        { type: 'stream', text: answer(buggy) },
        { type: 'status', status: 401, message: 'bad key' },
      ],
    });
    const out = join(session.dir, 'partial.json');
    expect(await searchCommand(baseArgs('gif-mcts', out))).toBe(1);
    const partial = await readRecord(out);
    expect(partial.nodes).toHaveLength(2);
    expect(partial.calls[1].error).toBeTruthy();
    expect(session.stderr.join('')).toContain(`continue it with --run ${out}`);
    session.fake.push({ type: 'stream', text: answer(correct) });
    const done = join(session.dir, 'done.json');
    expect(await searchCommand([...baseArgs('gif-mcts', done), '--run', out])).toBe(0);
    const record = await readRecord(done);
    expect(record.nodes.map((n) => n.action)).toEqual(['root', 'generate', 'fix']);
    expect(record.best).toEqual({ nodeId: 2, score: 1 });
  });
});

describe('cwm search rejects bad input with exit 2 and a message that says what to do', () => {
  const cases: [string[], RegExp][] = [
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '3', '--provider', 'openai', '--model', 'm'], /missing --out/],
    [['--env', 'nope', '--strategy', 'gif-mcts', '--budget', '3', '--provider', 'openai', '--model', 'm', '--out', 'x.json'], /unknown environment "nope".*cwm envs/],
    [['--env', 'cartpole', '--strategy', 'mcts', '--budget', '3', '--provider', 'openai', '--model', 'm', '--out', 'x.json'], /unknown --strategy "mcts"; use gif-mcts/],
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--protocol', 'playground', '--provider', 'openai', '--model', 'm', '--out', 'x.json'], /missing --budget/],
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--protocol', 'hinted', '--budget', '3', '--provider', 'openai', '--model', 'm', '--out', 'x.json'], /--protocol must be paper .* or playground/],
    [
      ['--env', 'frozenlake-4x4', '--strategy', 'gif-mcts', '--description', 'paper', '--budget', '3', '--provider', 'openai', '--model', 'm', '--out', 'x.json'],
      /frozenlake-4x4 has no paper description .*--description hinted/,
    ],
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '0', '--provider', 'openai', '--model', 'm', '--out', 'x.json'], /--budget must be an integer ≥ 1/],
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '3', '--provider', 'gemini', '--model', 'm', '--out', 'x.json'], /--provider must be openai, anthropic or replay/],
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '3', '--provider', 'openai', '--out', 'x.json'], /missing --model/],
    [
      ['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '3', '--provider', 'anthropic', '--model', 'm', '--api-key-env', 'CWM_TEST_NO_SUCH_VAR', '--out', 'x.json'],
      /set CWM_TEST_NO_SUCH_VAR in the environment/,
    ],
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '3', '--provider', 'replay', '--out', 'x.json'], /--provider replay .* --run/],
    [['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '3', '--provider', 'openai', '--model', 'm', '--api-key', 'sk-123', '--out', 'x.json'], /unknown option --api-key/],
  ];
  for (const [argv, message] of cases) {
    test(message.source, async () => {
      expect(await searchCommand(argv)).toBe(2);
      expect(session.stderr.join('')).toMatch(message);
    });
  }
});

test('the real `cwm search` entry point runs a search end to end', async () => {
  vi.restoreAllMocks();
  session.fake = await scriptedServer();
  const out = join(session.dir, 'cli.json');
  const argv = ['src/cli/main.ts', 'search', ...baseArgs('gif-mcts', out)];
  // Asynchronous spawn: a blocking one would starve the fake server living in this process.
  const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), argv, { env: { ...process.env, OPENAI_API_KEY: '' } });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(err).toContain('[call 3]');
  expect(code).toBe(0);
  expect((await readRecord(out)).best?.score).toBe(1);
});

describe('cwm search with the server down', () => {
  test('stops before the first call with one "Cannot reach" line and no CORS advice', async () => {
    const { createServer } = await import('node:net');
    const closed = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    const url = `http://127.0.0.1:${closed}/v1`;
    const out = join(session.dir, 'down.json');
    const args = ['--env', 'cartpole', '--strategy', 'gif-mcts', '--budget', '3', '--seed', '0', '--provider', 'openai', '--base-url', url, '--model', 'm', '--out', out];
    expect(await searchCommand(args)).toBe(1);
    const said = session.stderr.join('');
    expect(said).toMatch(
      new RegExp(
        `^cwm search: Cannot reach the OpenAI-compatible server at ${url.replace(/[./]/g, '\\$&')} \\(fetch failed[^)]*ECONNREFUSED[^)]*\\)\\. Check that the server is running and the base URL \\(port, /v1\\)\\.\\n$`,
      ),
    );
    expect(said).not.toMatch(/CORS|OLLAMA/);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
