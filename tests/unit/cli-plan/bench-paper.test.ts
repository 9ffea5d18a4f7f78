import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pack as cartpole } from '../../../envs/cartpole';
import { pack as pendulum } from '../../../envs/pendulum';
import { benchCommand } from '../../../src/cli/bench';
import { parseBenchLines } from '../../../src/core/bench/run';
import { evaluateProgram } from '../../../src/core/cwm/evaluate';
import { validateRunRecord } from '../../../src/core/run/validate';
import type { RunRecord } from '../../../src/core/run/types';
import { createNodeRunner } from '../../../src/sandbox/node/pool';
import { PAPER_CLASS_DEFINITION } from '../../../src/core/prompts/paper-text';
import { useCliSession } from '../../support/cli-session';
import { startFakeOpenAi, type FakeServer, type RecordedRequest } from '../../support/fake-openai';

const fixture = (name: string) => readFile(join(__dirname, '../../fixtures/programs', name), 'utf8');
const plain = (code: string) => `Here is the complete JavaScript code:\n\n\`\`\`javascript\n${code}\`\`\`\n`;
/** An answer in the paper's improve/fix format: critique sections, then "## Correct code". */
const critiqued = (why: string, code: string) =>
  `## Error explanation\n${why}\n\n## Fix suggestion\nUse the documented dynamics; the code \`\`\`js\nnot this\n\`\`\` is wrong.\n\n## Correct code\n\`\`\`javascript\n${code}\`\`\`\n`;

const session = useCliSession('cwm-bench-paper-');

type Messages = { role: string; content: string }[];
const messages = (r: RecordedRequest) => (r.body?.messages ?? []) as Messages;

/**
 * A model by script: on CartPole it writes a buggy program, fixes it into a wrong one, then
 * improves that into the correct one; on Pendulum it writes the correct program every time.
 */
async function scriptedServer(): Promise<FakeServer> {
  const [buggy, wrong, correct, pend] = await Promise.all(['search/cartpole-buggy.js', 'search/cartpole-wrong.js', 'search/cartpole-correct.js', 'plan/pendulum.js'].map(fixture));
  return startFakeOpenAi({
    respond: (r) => {
      const [system, user] = messages(r);
      const text = system.content + user.content;
      const kind = /fails with an error|Running it failed/.test(text) ? 'fix' : /gives wrong results|predicts this transition incorrectly/.test(text) ? 'improve' : 'generate';
      if (/inverted pendulum swingup|^Environment: Pendulum/im.test(user.content)) return { type: 'stream', text: kind === 'generate' ? plain(pend) : critiqued('Nothing to fix.', pend), chunks: 3 };
      const answer = kind === 'generate' ? plain(buggy) : kind === 'fix' ? critiqued('forceFor is not defined.', wrong) : critiqued('The pole angle update is wrong.', correct);
      return { type: 'stream', text: answer, chunks: 3 };
    },
  });
}

const planner = ['--episodes', '1', '--simulations', '4', '--rollout-depth', '8', '--horizon', '5', '--iterations', '2', '--samples', '20', '--elites', '5'];
const args = (out: string, extra: string[]) => ['--envs', 'cartpole,pendulum', '--strategies', 'gif-mcts', '--budget', '3', '--seeds', '1', ...planner, '--out', out, ...extra];
const live = (server: FakeServer) => ['--provider', 'openai', '--base-url', server.url, '--model', 'fake-model'];

async function record(prefix: string, env: string): Promise<RunRecord> {
  const checked = validateRunRecord(JSON.parse(await readFile(join(`${prefix}.runs`, `${env}-gif-mcts-0.json`), 'utf8')));
  if (!checked.ok) throw new Error(checked.error);
  return checked.record;
}

describe('cwm bench --protocol paper with a scripted model', () => {
  test('sends the paper text, asks for critique then code, searches on the exact metric, and replays to the same table', async () => {
    session.fake = await scriptedServer();
    const out = join(session.dir, 'paper');
    expect(await benchCommand(args(out, ['--protocol', 'paper', ...live(session.fake)]))).toBe(0);

    // Every prompt's environment text is the paper description byte for byte, then the class definition.
    const users = session.fake.requests.map((r) => messages(r)[1].content);
    for (const u of users) {
      const text = u.startsWith(cartpole.spec.paperDescription!) ? cartpole.spec.paperDescription! : pendulum.spec.paperDescription!;
      expect(u.slice(0, text.length)).toBe(text);
      expect(u.slice(text.length, text.length + PAPER_CLASS_DEFINITION.length)).toBe(PAPER_CLASS_DEFINITION);
    }
    expect(users.filter((u) => u.startsWith(cartpole.spec.paperDescription!))).toHaveLength(3);
    expect(users.filter((u) => u.startsWith(pendulum.spec.paperDescription!))).toHaveLength(3);
    expect(users.some((u) => u.includes(cartpole.spec.description.slice(0, 80)) || u.includes(pendulum.spec.description.slice(0, 80)))).toBe(false);

    // CartPole: generate (bug) → fix → improve, the last two in the critique / correct-code structure.
    const cart = await record(out, 'cartpole');
    expect(cart).toMatchObject({ protocol: 'paper', descriptionVariant: 'paper', sampling: { temperature: 1, topP: 0.8, topK: 100, maxTokens: 1500 } });
    expect(cart.calls.map((c) => c.kind)).toEqual(['generate', 'fix', 'improve']);
    for (const call of cart.calls.slice(1)) {
      const user = call.messages[1].content;
      const order = ['## Error explanation', '## Fix suggestion', '## Correct code', '## Incorrect code'].map((h) => user.indexOf(h));
      expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
      expect(user.trimEnd().endsWith(call.kind === 'fix' ? 'in the new version.' : 'Done: false')).toBe(true);
    }
    expect(cart.calls[2].messages[1].content).toContain('## Error location and wrong logic');
    expect(cart.nodes.map((n) => n.critique ?? null)).toEqual([
      null,
      null,
      '## Error explanation\nforceFor is not defined.\n\n## Fix suggestion\nUse the documented dynamics; the code ```js\nnot this\n``` is wrong.',
      '## Error explanation\nThe pole angle update is wrong.\n\n## Fix suggestion\nUse the documented dynamics; the code ```js\nnot this\n``` is wrong.',
    ]);
    expect(cart.nodes[3].program).toBe((await fixture('search/cartpole-correct.js')).trimEnd());
    // The paper's prefix rule: the empty root counts as one line, so a root child keeps 1 + L = 3 lines.
    expect(cart.nodes[1].prefix!.split('\n')).toHaveLength(3);

    // Pendulum: the search score is the exact-reward metric (a correct program scores below 1 there),
    // so the paper's stop rule (score exactly 1) never fires and all three calls are made.
    const pend = await record(out, 'pendulum');
    const runner = createNodeRunner();
    try {
      const transitions = await pendulum.datasets[0].load();
      const program = pend.nodes[1].program;
      const exact = await evaluateProgram(runner, program, transitions, pendulum.spec, { reward: 'paper' });
      const tolerant = await evaluateProgram(runner, program, transitions, pendulum.spec, { reward: 'tolerant' });
      expect(tolerant.score).toBe(1);
      expect(exact.score).toBeLessThan(1);
      expect(pend.nodes.slice(1).map((n) => n.score)).toEqual([exact.score, exact.score, exact.score]);
    } finally {
      await runner.close();
    }
    expect(pend.calls).toHaveLength(3);

    const md = await readFile(`${out}.md`, 'utf8');
    expect(md).toContain('# CWMB benchmark: paper protocol\n');
    expect(md).toContain(
      '- description: paper description\n- model: openai:fake-model\n- provider settings: temperature 1, top_p 0.8, top_k 100, max_tokens 1500\n- budget: 3 LLM calls per search\n- seeds: 0\n',
    );
    expect(md).toMatch(/\| cartpole \| gif-mcts \| paper \| paper \| 1\.00 \| 1\.00 \| [\d.]+ \| 1\.00 \/ 0\.99 † \| 1\.00 \/ 1\.11 † \|/);
    expect(md).toContain('- cartpole · gif-mcts vs paper GPT-4 Turbo: budget 3 (paper 10), reduced planner (R)');
    expect(md).toMatch(/\| \*\*continuous mean\*\* \| gif-mcts \| paper \| paper \|/);

    // Resumed after losing the Pendulum cell: it runs again and the table comes out the same.
    const jsonl = await readFile(`${out}.jsonl`, 'utf8');
    await writeFile(`${out}.jsonl`, jsonl.split('\n')[0] + '\n');
    const asked = session.fake.requests.length;
    expect(await benchCommand(args(out, ['--protocol', 'paper', ...live(session.fake)]))).toBe(0);
    expect(session.fake.requests.length).toBe(asked + 3);
    expect(await readFile(`${out}.md`, 'utf8')).toBe(md);

    // Replayed with no server: the same table, byte for byte.
    const replay = join(session.dir, 'replay');
    expect(await benchCommand(args(replay, ['--protocol', 'paper', '--provider', 'replay', '--replay', out]))).toBe(0);
    expect(await readFile(`${replay}.md`, 'utf8')).toBe(md);
    expect(await readFile(`${replay}.csv`, 'utf8')).toBe(await readFile(`${out}.csv`, 'utf8'));
    // A replay under the other protocol is refused: it would ask other questions.
    expect(await benchCommand(args(join(session.dir, 'x'), ['--protocol', 'playground', '--provider', 'replay', '--replay', out]))).toBe(2);
    expect(session.stderr.join('')).toContain('was made with the paper protocol; replay it with --protocol paper');
  });

  test('--protocol playground sends the hinted text and searches on the tolerant metric, as before', async () => {
    session.fake = await scriptedServer();
    const out = join(session.dir, 'playground');
    expect(await benchCommand(args(out, ['--protocol', 'playground', ...live(session.fake)]))).toBe(0);
    const users = session.fake.requests.map((r) => messages(r)[1].content);
    expect(
      users.every((u) => u.startsWith(`Environment: ${cartpole.spec.title}\n\n${cartpole.spec.description}`) || u.startsWith(`Environment: ${pendulum.spec.title}\n\n${pendulum.spec.description}`)),
    ).toBe(true);
    // Tolerant search reward: the correct Pendulum program scores 1 and stops the search at once.
    const pend = await record(out, 'pendulum');
    expect(pend).toMatchObject({ protocol: 'playground', descriptionVariant: 'hinted', best: { score: 1 } });
    expect(pend.calls).toHaveLength(1);
    const lines = parseBenchLines(await readFile(`${out}.jsonl`, 'utf8'));
    expect(lines.map((l) => [l.envId, l.protocol, l.description, l.accuracyTolerant])).toEqual([
      ['cartpole', 'playground', 'hinted', 1],
      ['pendulum', 'playground', 'hinted', 1],
    ]);
    expect(await readFile(`${out}.md`, 'utf8')).toContain('# CWMB benchmark: playground protocol\n');
  });

  test("without --budget the paper protocol takes the paper's budget for the model: 50 for an open-weights server", async () => {
    session.fake = await scriptedServer();
    const out = join(session.dir, 'budget');
    const argv = ['--envs', 'pendulum', '--strategies', 'best-of-n', '--seeds', '1', ...planner, '--out', out, '--protocol', 'paper', ...live(session.fake)];
    expect(await benchCommand(argv)).toBe(0);
    const [line] = parseBenchLines(await readFile(`${out}.jsonl`, 'utf8'));
    // The correct Pendulum program scores below 1 on the exact metric, so all 50 calls are made.
    expect(line).toMatchObject({ budget: 50, calls: 50, protocol: 'paper', description: 'paper' });
    expect(session.fake.requests).toHaveLength(50);
    expect(await readFile(`${out}.md`, 'utf8')).toContain('| pendulum | best-of-n | paper | paper |');
  });
});
