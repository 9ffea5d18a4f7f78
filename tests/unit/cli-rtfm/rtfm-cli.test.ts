import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCommand } from '../../../src/cli/eval';
import { planCommand } from '../../../src/cli/plan';
import { searchCommand } from '../../../src/cli/search';
import { formatRtfmReport } from '../../../src/cli/rtfm-eval';
import { rtfmPack } from '../../../envs/rtfm';
import { evaluateStructured } from '../../../src/core/rtfm/evaluate';
import { useCliSession } from '../../support/cli-session';
import { trustedStructuredRunner } from '../../support/trusted-structured-runner';

const session = useCliSession('cwm-rtfm-');

describe('cwm commands on RTFM (what does not need the sandbox)', () => {
  it('rejects bad RTFM flags and data with messages that say what to pass', async () => {
    const program = join(session.dir, 'p.js');
    await writeFile(program, rtfmPack.referenceProgram);
    const fails = async (run: Promise<number>, message: string) => {
      session.stderr.length = 0;
      expect(await run).toBe(2);
      expect(session.stderr.join('')).toContain(message);
    };
    await fails(evalCommand(['--env', 'rtfm', '--program', program, '--protocol', 'bogus']), 'cwm eval: --protocol must be "all" (each transition once) or "paper"');
    await fails(evalCommand(['--env', 'rtfm', '--program', program, '--reward', 'paper']), '--reward');
    const data = join(session.dir, 'bad.json');
    await writeFile(data, JSON.stringify([{ state: 1 }]));
    await fails(evalCommand(['--env', 'rtfm', '--program', program, '--transitions', data]), 'transition 0 "state" is not { board');
    const out = join(session.dir, 'r.json');
    await fails(
      searchCommand(['--env', 'rtfm', '--strategy', 'gif-mcts', '--budget', '2', '--provider', 'openai', '--description', 'fancy', '--out', out]),
      '--description must be "paper" or "hinted"',
    );
    await fails(planCommand(['--env', 'rtfm', '--program', program, '--simulations', '5']), '--simulations');
  });

  it('prints the parts, the protocol and the first failing boards in the readable report', async () => {
    const transitions = await rtfmPack.dataset.load();
    const wrong = rtfmPack.referenceProgram.replace('reward = wins && this.groups[name] === this.goal ? 1 : -1;', 'reward = -1;');
    const result = await evaluateStructured(trustedStructuredRunner(), wrong, transitions);
    const report = formatRtfmReport(result, 'rtfm');
    expect(result.rtfmFailure?.index).toBe(132);
    expect(report).toContain('correct   992 / 999 transitions');
    expect(report).toContain('first failing transition #132:');
    expect(report).toContain('  Wrong: reward.');
    expect(report).toMatch(/parts {5}board 1\.0000 · inventory 1\.0000 · valid actions 1\.0000 · reward 0\.9930 · done 1\.0000/);
  });
});
