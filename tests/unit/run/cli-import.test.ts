import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { searchCommand } from '../../../src/cli/search';
import { decodeRunLink, encodeRunLink, exportRunFile, importRunFile, recordedEvaluate, summarizeRun } from '../../../src/core/run';
import { createReplayClient } from '../../../src/core/llm/replay';
import { strategies } from '../../../src/core/search';
import { Rng } from '../../../src/core/rng';
import { PAPER_SAMPLING } from '../../../src/core/llm/types';
import { getPack } from '../../../envs/index';
import { startFakeOpenAi, type FakeServer } from '../../support/fake-openai';

// A record written by `cwm search` (against a local fake OpenAI server) must import unchanged,
// travel through a file and a link, and replay into the same tree.
const fixture = (name: string) => readFile(join(__dirname, '../../fixtures/programs/search', name), 'utf8');
const answer = (code: string) => `Here is the environment:\n\n\`\`\`javascript\n${code}\`\`\`\n`;

let dir: string;
let fake: FakeServer;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cwm-run-import-'));
  const programs = await Promise.all(['cartpole-buggy.js', 'cartpole-wrong.js', 'cartpole-correct.js'].map(fixture));
  fake = await startFakeOpenAi({ script: programs.map((code) => ({ type: 'stream' as const, text: answer(code), chunks: 5 })) });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const out = join(dir, 'run.json');
  const args = [
    '--env',
    'cartpole',
    '--strategy',
    'gif-mcts',
    '--protocol',
    'playground',
    '--budget',
    '6',
    '--seed',
    '3',
    '--provider',
    'openai',
    '--base-url',
    fake.url,
    '--model',
    'fake-model',
    '--out',
    out,
  ];
  expect(await searchCommand(args)).toBe(0);
  vi.restoreAllMocks();
  text = await readFile(out, 'utf8');
});

afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a record written by cwm search', () => {
  it('imports unchanged, and exports back to the same record', () => {
    const imported = importRunFile(text);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.record).toEqual(JSON.parse(text));
    expect(importRunFile(exportRunFile(imported.record))).toEqual(imported);
    expect(summarizeRun(imported.record)).toMatchObject({ env: 'cartpole', strategy: 'gif-mcts', calls: 3, nodes: 4, bestScore: 1 });
  });

  it('round-trips through a share link', async () => {
    const record = JSON.parse(text);
    const link = await encodeRunLink(record);
    if (!link.ok) throw new Error(link.error);
    const back = await decodeRunLink(link.payload);
    if (!back.ok) throw new Error(back.error);
    if (link.trimmed) expect(back.record.nodes.map((n) => n.id)).toEqual(back.record.nodes.map((n) => n.id).filter((id) => record.nodes.some((m: { id: number }) => m.id === id)));
    else expect(back.record).toEqual(record);
  });

  it('replays into the same tree with the replay provider, recorded scores and the same seed', async () => {
    const record = JSON.parse(text);
    const pack = getPack('cartpole');
    const transitions = await pack.datasets[0].load();
    const session = strategies['gif-mcts'].create({
      spec: pack.spec,
      description: pack.spec.description,
      transitions,
      llm: createReplayClient(record), // verifies every prompt against the recorded one
      evaluate: recordedEvaluate(record),
      rng: Rng.seeded(record.seed),
      sampling: PAPER_SAMPLING,
      budget: 6,
      seed: record.seed,
    });
    const rebuilt = await session.run();
    const shape = (r: typeof record) => r.nodes.map(({ id, parentId, action, program, score, visits, value }: Record<string, unknown>) => ({ id, parentId, action, program, score, visits, value }));
    expect(shape(rebuilt)).toEqual(shape(record));
    expect(rebuilt.best).toEqual(record.best);
  });
});
