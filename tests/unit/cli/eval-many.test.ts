import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE, PATCH_PRELUDE } from '../../fixtures/programs/hostile';
import { cartpoleWith } from '../../fixtures/programs/index';
import { cwm } from '../../support/cwm-process';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'cwm-eval-many-'));
const correct = join(root, 'tests/fixtures/programs/cartpole.js');

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('cwm eval with several programs', () => {
  it('scores them in order in one process, one JSON line each, and a hostile one leaves the next untouched', async () => {
    const hostile = [
      file('patch.js', PATCH_PRELUDE + '\n' + cartpoleWith('return [this.state, 1, false];')),
      file('loop.js', cartpoleWith('for (;;) {}')),
      file('flood.js', cartpoleWith('const again = () => Promise.resolve().then(again); again(); return [this.state, 1, false];')),
      file('harness.js', HOSTILE.find((h) => h.name === 'calls the harness back')!.program),
    ];
    const args = hostile.flatMap((h) => ['--program', h, '--program', correct]);
    const { code, stdout } = await cwm('eval', '--env', 'cartpole', ...args, '--timeout-ms', '1000', '--json');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { program: string; ms: number; score: number; bug: string | null; solved: boolean; total: number });
    expect(lines.map((l) => l.program)).toEqual(args.filter((a) => a !== '--program'));
    lines.forEach((l, i) => {
      expect(typeof l.ms).toBe('number');
      expect(l.total).toBe(402);
      if (i % 2 === 1) expect(l, `the correct program after ${lines[i - 1].program}`).toMatchObject({ score: 1, solved: true, bug: null });
      else expect(l.score).toBe(0);
    });
    expect(lines[0].bug).toMatch(/^TypeError: Cannot assign to read only property 'cos'/);
    expect(lines[2].bug).toBe('timed out after 1 s');
    expect(lines[6].bug).toMatch(/^ReferenceError: __cwmHarness is not defined/);
  });

  it('prints one report per program, each headed by its file', async () => {
    const { code, stdout } = await cwm('eval', '--env', 'cartpole', '--program', correct, '--program', file('id.js', cartpoleWith('return [this.state, 1, false];')));
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l.includes(' · cartpole · '))).toHaveLength(2);
    expect(stdout).toMatch(/solved\s+yes/);
  });

  it('reads every program before running any, and names the one it cannot read', async () => {
    const { code, stderr, stdout } = await cwm('eval', '--env', 'cartpole', '--program', correct, '--program', join(tmp, 'missing.js'), '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/missing\.js/);
  });
});
