import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rtfmPack } from '../../../envs/rtfm';
import { datasetHash } from '../../../src/core/env/dataset';
import { PAPER_SAMPLING } from '../../../src/core/llm/types';
import { evaluateStructured } from '../../../src/core/rtfm/evaluate';
import { Rng } from '../../../src/core/rng';
import { getStrategy } from '../../../src/core/search/registry';
import { trustedStructuredRunner } from '../../support/trusted-structured-runner';
import { scriptedLlm } from '../search/scripted';

const fenced = (program: string) => 'Here is the program.\n```javascript\n' + program + '\n```\n';
const ignoresManual = readFileSync(new URL('../../fixtures/rtfm/ignores-manual.js', import.meta.url), 'utf8');

describe('GIF-MCTS on RTFM with a scripted model', () => {
  it('scores each program with the RTFM weights, gives the model the manual and the RTFM contract, and stops once solved', async () => {
    const transitions = await rtfmPack.dataset.load();
    const runner = trustedStructuredRunner();
    const llm = scriptedLlm([fenced(ignoresManual), fenced(rtfmPack.referenceProgram), fenced(rtfmPack.referenceProgram)]);
    const session = getStrategy('gif-mcts').create({
      spec: rtfmPack.spec,
      description: rtfmPack.descriptions.paper,
      contract: rtfmPack.contract,
      transitions: [],
      env: { id: 'rtfm', datasetHash: datasetHash(transitions) },
      llm,
      evaluate: (program, signal) => evaluateStructured(runner, program, transitions, { signal }),
      rng: Rng.seeded(1),
      sampling: { ...PAPER_SAMPLING },
      budget: 6,
      seed: 1,
    });
    const record = await session.run();
    const scores = record.nodes.slice(1).map((n) => Number(n.score.toFixed(6)));
    expect(scores[0]).toBe(0.331433);
    expect(scores).toContain(1);
    expect(record.best?.score).toBe(1);
    expect(record.env).toEqual({ id: 'rtfm', datasetHash: datasetHash(transitions) });
    const first = llm.requests[0][1].content;
    expect(first).toContain('## Manual');
    expect(first).toContain('setState(state) { /* state = { board, inventory }');
    expect(record.calls.map((c) => c.kind)).toMatchInlineSnapshot(`
      [
        "generate",
        "generate",
      ]
    `);
    expect(llm.requests.length).toBeLessThanOrEqual(3);
  });
});
