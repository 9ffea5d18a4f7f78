import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'cwm-cli-'));
const fixture = (name: string) => join(root, 'tests/fixtures/programs', name);

/** Runs `cwm` exactly as `npm run --silent cwm -- …` does, returning exit code and output. */
function cwm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), ...args], { cwd: root }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('cwm envs', () => {
  it('lists every pack with its action space and whether it has a simulator', async () => {
    const { code, stdout } = await cwm('envs');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[21]).toMatch(/^rtfm\s+RTFM \(Read to Fight Monsters\)\s+discrete\(5\)\s+simulator · board states \(paper Table 3\)$/);
    expect(lines[0]).toMatch(/^cartpole\s+Cart-pole\s+discrete\(2\)\s+simulator$/);
    expect(lines.find((l) => l.startsWith('hopper'))).toMatch(/box\(3\) \[-1, 1\]\s+no simulator$/);
  });
});

describe('cwm --help', () => {
  it('shows each command its own usage with exit 0, before any other flag is read', async () => {
    for (const name of ['envs', 'record', 'eval', 'search', 'plan', 'bench']) {
      const { code, stdout, stderr } = await cwm(name, '--help');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage:\\n  cwm ${name}\\b`));
      expect(stdout).not.toMatch(/needs a value/);
    }
    const search = await cwm('search', '--env', 'cartpole', '-h');
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('--provider openai|anthropic|replay');
  });

  it('lists every command under `cwm help`', async () => {
    const { code, stdout } = await cwm('help');
    expect(code).toBe(0);
    for (const name of ['envs', 'record', 'eval', 'search', 'plan', 'bench']) expect(stdout).toContain(`  cwm ${name}`);
    expect(stdout).toContain('`cwm <command> --help` shows one command.');
  });
});

describe('cwm record', () => {
  it('is deterministic per seed', async () => {
    const [a, b, c] = ['a.json', 'b.json', 'c.json'].map((n) => join(tmp, n));
    expect((await cwm('record', '--env', 'taxi', '--seed', '3', '--episodes', '4', '--out', a)).code).toBe(0);
    await cwm('record', '--env', 'taxi', '--seed', '3', '--episodes', '4', '--out', b);
    await cwm('record', '--env', 'taxi', '--seed', '4', '--episodes', '4', '--out', c);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8')).not.toBe(readFileSync(c, 'utf8'));
    const data = JSON.parse(readFileSync(a, 'utf8')) as { traj_start: number }[];
    expect(new Set(data.map((t) => t.traj_start)).size).toBe(4);
  });
  it('refuses packs without a simulator', async () => {
    const r = await cwm('record', '--env', 'hopper', '--seed', '0', '--out', join(tmp, 'h.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no simulator/);
  });
});

describe('cwm eval', () => {
  it('prints the documented JSON for a correct program on the CWMB data', async () => {
    const { code, stdout } = await cwm('eval', '--env', 'cartpole', '--program', fixture('cartpole.js'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ score: 1, accuracy: 1, correct: 402, total: 402, bug: null, firstFailure: null });
  });
  it('scores a recorded file and reports the first failure of a wrong program', async () => {
    const data = join(tmp, 'cp.json');
    await cwm('record', '--env', 'cartpole', '--seed', '1', '--episodes', '2', '--out', data);
    const wrong = file('wrong.js', readFileSync(fixture('cartpole.js'), 'utf8').replace(/0\.02\b/, '0.021'));
    const { code, stdout } = await cwm('eval', '--env', 'cartpole', '--program', wrong, '--transitions', data, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.score).toBeLessThan(1);
    expect(result.firstFailure.index).toBe(0);
    expect(Object.keys(result.firstFailure.expected)).toEqual(['next_state', 'reward', 'done']);
  });
  it('reports a bug with the line of the candidate and still exits 0', async () => {
    const buggy = file('buggy.js', 'class Environment {\n  setState(s) { this.s = s; }\n  step(a) {\n    return [this.s, 1, nope];\n  }\n}\n');
    const { code, stdout } = await cwm('eval', '--env', 'cartpole', '--program', buggy, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).bug).toBe('ReferenceError: nope is not defined (line 4: return [this.s, 1, nope];)');
  });
  it('stops an infinite loop at the time limit', async () => {
    const loop = file('loop.js', 'class Environment {\n  setState(s) {}\n  step(a) { while (true) {} }\n}\n');
    const { code, stdout } = await cwm('eval', '--env', 'cartpole', '--program', loop, '--timeout-ms', '300', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).bug).toMatch(/timed out/);
  });
  it('exits 2 with a message on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['eval', '--env', 'nope', '--program', fixture('cartpole.js')], /unknown environment "nope"; run `cwm envs`/],
      [['eval', '--env', 'cartpole', '--program', join(tmp, 'missing.js')], /cannot read program/],
      [['eval', '--env', 'cartpole', '--program', fixture('cartpole.js'), '--transitions', file('bad.json', '[{"state":')], /not valid JSON/],
      [
        ['eval', '--env', 'cartpole', '--program', fixture('cartpole.js'), '--transitions', file('shape.json', '[{"state":[1,2],"action":0,"next_state":[1,2],"reward":1,"done":false}]')],
        /transition 0: "state" has 2 elements; this environment has 4/,
      ],
      [['eval', '--env', 'cartpole', '--program', fixture('cartpole.js'), '--reward', 'fuzzy'], /--reward must be/],
      [['eval', '--env', 'cartpole'], /missing --program/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const r = await cwm(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
