import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rtfmPack } from '../../../envs/rtfm';
import { evaluateRtfmPlanning, playRtfm, programModel, searchWin, simulatorModel } from '../../../src/core/rtfm/plan';
import { readAnswer } from '../../../src/core/rtfm/validate';
import { Rng } from '../../../src/core/rng';
import { trustedStructuredRunner } from '../../support/trusted-structured-runner';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/rtfm/${name}`, import.meta.url), 'utf8');
const modelOf = (program: string) => {
  const runner = trustedStructuredRunner();
  return programModel((inputs) => runner.runStructured(program, inputs, { timeoutMs: 5000 }), readAnswer);
};

describe('RTFM planning (breadth-first search in the model)', () => {
  it('finds the shortest winning plan with the reference simulator: the axe first, then the dragon', async () => {
    const sim = rtfmPack.createSimulator();
    const state = sim.reset(Rng.seeded(5));
    const plan = await searchWin(simulatorModel(rtfmPack.createSimulator()), state, 16);
    expect(plan).not.toBeNull();
    let s = state;
    let reward = 0;
    for (const a of plan!.actions) {
      sim.setState(s);
      const r = sim.answer(a);
      s = r.next_state;
      reward += r.reward;
    }
    expect(reward).toBe(1);
  });

  it('normalized return: the reference program as a candidate scores R = 1, a model that ignores the manual far less (golden)', async () => {
    const reference = await evaluateRtfmPlanning(rtfmPack.createSimulator, modelOf(rtfmPack.referenceProgram), 1);
    expect(reference.normalizedReturn).toBe(1);
    expect({ oracle: reference.returnOracle, random: reference.returnRandom }).toMatchInlineSnapshot(`
      {
        "oracle": 1,
        "random": -0.6,
      }
    `);
    const ignorant = await evaluateRtfmPlanning(rtfmPack.createSimulator, modelOf(fixture('ignores-manual.js')), 1);
    expect(ignorant.normalizedReturn).toMatchInlineSnapshot(`0`);
  });

  it('a failing program makes the planner act randomly and reports the error', async () => {
    const model = modelOf('class Environment { setState() {} step() { throw new Error("no"); } }');
    const played = await playRtfm(rtfmPack.createSimulator(), model, 2, { episodes: 3, maxSteps: 100, depth: 16 });
    const random = await playRtfm(rtfmPack.createSimulator(), null, 2, { episodes: 3, maxSteps: 100, depth: 16 });
    expect(played.modelError).toBe('Error: no');
    expect(played.returns).toEqual(random.returns);
  });
});
