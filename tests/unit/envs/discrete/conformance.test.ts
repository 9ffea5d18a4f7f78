import { describe, expect, it } from 'vitest';
import { scoreTransition } from '../../../../src/core/cwm/metric';
import type { EnvPack, Obs, Transition } from '../../../../src/core/env/types';
import { pack as cliffwalking } from '../../../../envs/cliffwalking';
import { pack as taxi } from '../../../../envs/taxi';

async function cwmbData(pack: EnvPack): Promise<Transition[]> {
  const source = pack.datasets.find((d) => d.id === 'cwmb');
  if (!source) throw new Error(`${pack.spec.id} ships no CWMB dataset`);
  return source.load();
}

function copy(obs: Obs): Obs {
  return Array.isArray(obs) ? obs.slice() : obs;
}

/** Replays every CWMB transition through a fresh reference simulator; returns the indices it gets wrong. */
function mismatches(pack: EnvPack, data: Transition[]): number[] {
  const sim = pack.createSimulator!();
  const wrong: number[] = [];
  data.forEach((t, i) => {
    sim.setState(copy(t.state));
    const [next_state, reward, done] = sim.step(Array.isArray(t.action) ? t.action.slice() : t.action);
    if (!scoreTransition({ next_state, reward, done }, t, 'exact', 'paper').full) wrong.push(i);
  });
  return wrong;
}

// Exact numbers, so a change in the data or in the cut-off rule fails here.
const cases = [
  { pack: cliffwalking, total: 877, truncated: 0 },
  { pack: taxi, total: 1574, truncated: 5 },
];

describe.each(cases)('CWMB conformance of $pack.spec.gymId', ({ pack, total, truncated }) => {
  it(`reproduces all ${total} transitions except ${truncated} time-limit cut-offs`, async () => {
    const data = await cwmbData(pack);
    expect(data).toHaveLength(total);
    const cut = data.flatMap((t, i) => (t.truncated ? [i] : []));
    expect(cut).toHaveLength(truncated);
    // Every cut-off is the last step of a trajectory exactly as long as the episode limit.
    for (const i of cut) expect(i + 1 - (data[i].traj_start ?? 0)).toBe(pack.spec.episodeLimit);
    // The simulator gets everything right but the cut-offs, which CWMB recorded as `done`.
    expect(mismatches(pack, data)).toEqual(cut);
  });
});

describe('the check can fail', () => {
  it('flags a simulator whose cliff ends the episode', async () => {
    const data = await cwmbData(cliffwalking);
    const broken: EnvPack = {
      ...cliffwalking,
      createSimulator: () => {
        const sim = cliffwalking.createSimulator!();
        return {
          setState: (s) => sim.setState(s),
          reset: (rng) => sim.reset(rng),
          step: (a) => {
            const [s, r, d] = sim.step(a);
            return [s, r, d || r === -100];
          },
        };
      },
    };
    expect(mismatches(broken, data).length).toBe(data.filter((t) => t.reward === -100).length);
  });
});
