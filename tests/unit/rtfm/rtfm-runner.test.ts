// PENDING until the Node runner implements runStructured (the StructuredRunner interface of
// src/core/cwm/structured.ts). Enable by renaming this file to rtfm-runner.test.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { rtfmPack } from '../../../envs/rtfm';
import { benchCommand } from '../../../src/cli/bench';
import { evalCommand } from '../../../src/cli/eval';
import { planCommand } from '../../../src/cli/plan';
import { searchCommand } from '../../../src/cli/search';
import { createNodeRunner } from '../../../src/sandbox/node/pool';
import { evaluateStructured } from '../../../src/core/rtfm/evaluate';
import { useCliSession } from '../../support/cli-session';
import { startFakeOpenAi } from '../../support/fake-openai';

const session = useCliSession('cwm-rtfm-runner-');
const fixture = (name: string) => readFile(new URL(`../../fixtures/rtfm/${name}`, import.meta.url), 'utf8');
const answer = (code: string) => `Here is the environment:\n\n\`\`\`javascript\n${code}\n\`\`\`\n`;

/** Runs a command and returns the JSON it printed with console.log. */
async function json(run: () => Promise<number>): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    expect(await run()).toBe(0);
  } finally {
    log.mockRestore();
  }
  return JSON.parse(lines[lines.length - 1]);
}

async function programFile(name: string, text: string): Promise<string> {
  const file = join(session.dir, name);
  await writeFile(file, text);
  return file;
}

describe('RTFM through the real Node runner', () => {
  it('the Node runner runs structured worlds', async () => {
    const runner = createNodeRunner();
    try {
      expect(typeof runner.runStructured).toBe('function');
    } finally {
      await runner.close();
    }
  });

  it('cwm eval --env rtfm: the reference simulator as a candidate scores 1, a program that ignores the manual 0.331433', async () => {
    const ref = await programFile('ref.js', rtfmPack.referenceProgram);
    expect(await json(() => evalCommand(['--env', 'rtfm', '--program', ref, '--json']))).toMatchObject({ score: 1, correct: 999, total: 999, solved: true, bug: null });
    const ignorant = await programFile('ignorant.js', await fixture('ignores-manual.js'));
    const result = await json(() => evalCommand(['--env', 'rtfm', '--program', ignorant, '--json']));
    expect((result.score as number).toFixed(6)).toBe('0.331433');
    const paper = await json(() => evalCommand(['--env', 'rtfm', '--program', ignorant, '--protocol', 'paper', '--seed', '1', '--json']));
    expect(paper).toMatchObject({ total: 1000, protocol: { kind: 'paper-draws', draws: 1000, seed: 1 } });
    expect((paper.score as number).toFixed(6)).toBe('0.331294');
  });

  it('scores a hostile or broken program 0 with a clear bug, and cannot be fooled from inside the realm', async () => {
    const runner = createNodeRunner();
    try {
      const transitions = await rtfmPack.dataset.load();
      const loop = await evaluateStructured(runner, 'class Environment { setState() {} step() { for (;;) {} } }', transitions, { timeoutMs: 500 });
      expect(loop.score).toBe(0);
      expect(loop.bug).toMatch(/time/i);
      const patcher = `Array.prototype.every = () => true; JSON.stringify = () => '"x"'; ${await fixture('ignores-manual.js')}`;
      // Built-ins are frozen in the runner: patching them fails the program instead of fooling the scorer.
      const patched = await evaluateStructured(runner, patcher, transitions);
      expect(patched.score).toBe(0);
      expect(patched.bug).toMatch(/^TypeError: Cannot assign to read only property 'every'/);
      const typed = rtfmPack.referenceProgram.replace(
        'return [{ board, inventory: this.inventory }, this.validActions(), reward, done];',
        'return [{ board, inventory: this.inventory }, Int8Array.from(this.validActions()), reward, done];',
      );
      expect((await evaluateStructured(runner, typed, transitions)).score).toBe(1);
    } finally {
      await runner.close();
    }
  });

  it('cwm plan --env rtfm: the reference program plans like the oracle (R = 1)', async () => {
    const ref = await programFile('ref.js', rtfmPack.referenceProgram);
    expect(await json(() => planCommand(['--env', 'rtfm', '--program', ref, '--seed', '1', '--json']))).toMatchObject({ normalizedReturn: 1, returnOracle: 1, returnRandom: -0.6 });
  });

  it('cwm search --env rtfm and cwm bench --envs rtfm with a scripted model reach the reference program', async () => {
    const ignorant = await fixture('ignores-manual.js');
    // The first program ignores the manual; every later call answers the reference program.
    session.fake = await startFakeOpenAi({ script: [{ type: 'stream', text: answer(ignorant), chunks: 4 }], respond: () => ({ type: 'stream', text: answer(rtfmPack.referenceProgram), chunks: 4 }) });
    const out = join(session.dir, 'run.json');
    const args = ['--env', 'rtfm', '--strategy', 'gif-mcts', '--budget', '4', '--seed', '1', '--provider', 'openai', '--base-url', session.fake.url, '--model', 'fake', '--out', out];
    expect(await searchCommand(args)).toBe(0);
    const record = JSON.parse(await readFile(out, 'utf8'));
    expect(record.env.id).toBe('rtfm');
    expect(record.best.score).toBe(1);
    const prefix = join(session.dir, 'bench');
    expect(
      await benchCommand([
        '--envs',
        'rtfm',
        '--strategies',
        'gif-mcts',
        '--budget',
        '2',
        '--seeds',
        '1',
        '--provider',
        'openai',
        '--base-url',
        session.fake.url,
        '--model',
        'fake',
        '--episodes',
        '2',
        '--out',
        prefix,
      ]),
    ).toBe(0);
    const md = await readFile(`${prefix}.md`, 'utf8');
    // The paper protocol (the default) searches RTFM with the paper's text, and the row says so.
    expect(md).toMatch(/\| rtfm \| gif-mcts \| paper \| paper \| 1\.00 .*\| 0\.71 \/ 0\.31( †)? \| 0\.58 \/ -0\.11( †)? \|/);
  });
});
