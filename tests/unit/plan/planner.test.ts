import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { pack as cartpole } from '../../../envs/cartpole/index';
import { pack as cliffwalking } from '../../../envs/cliffwalking/index';
import { pack as pendulum } from '../../../envs/pendulum/index';
import type { EnvPack } from '../../../src/core/env/types';

const packs: Record<string, EnvPack> = { cartpole, cliffwalking, pendulum };
const getPack = (id: string) => packs[id];
import { Rng } from '../../../src/core/rng';
import { sampleAction } from '../../../src/core/env/record';
import { createPlanner, mean, normalizedReturn, plannerConfig, plannerRuntimeSource, planningLimit, runEpisode, softmaxSample } from '../../../src/core/plan/index';

async function returns(envId: string, kind: 'oracle' | 'random', episodes: number, overrides = {}): Promise<number[]> {
  const pack = getPack(envId);
  const real = pack.createSimulator!();
  const rng = Rng.seeded(7);
  const planner = createPlanner(pack.createSimulator!(), plannerConfig(pack.spec, 11, overrides));
  const out: number[] = [];
  for (let e = 0; e < episodes; e++) {
    planner.reset();
    const policy = kind === 'oracle' ? (obs: number | number[]) => planner.act(obs) : () => sampleAction(pack.spec.action, rng);
    out.push(await runEpisode(real, policy, rng, planningLimit(pack.spec)));
  }
  return out;
}

describe('softmax over action values', () => {
  it('is an argmax at temperature 0.01 for separated values and uniform for ties', () => {
    const rng = Rng.seeded(1);
    const picks = Array.from({ length: 200 }, () => softmaxSample([0.2, 0.9, 0.5], 0.01, rng));
    expect(new Set(picks)).toEqual(new Set([1]));
    const ties = Array.from({ length: 2000 }, () => softmaxSample([1, 1], 0.01, rng));
    const ones = ties.filter((a) => a === 1).length;
    expect(ones).toBeGreaterThan(900);
    expect(ones).toBeLessThan(1100);
  });
});

describe('MCTS planner with the reference simulator as its model (the oracle)', () => {
  it('balances CartPole far longer than random actions (seeded golden returns)', async () => {
    const oracle = await returns('cartpole', 'oracle', 2);
    const random = await returns('cartpole', 'random', 2);
    expect(oracle).toEqual([500, 500]);
    expect(mean(random)).toBeLessThan(50);
  });
  it('reaches the CliffWalking goal within the 100-step cap', async () => {
    const oracle = await returns('cliffwalking', 'oracle', 1);
    const random = await returns('cliffwalking', 'random', 1);
    expect(oracle).toEqual([-48]); // the goal in 48 steps without falling; a capped episode scores ≤ −100
    expect(random[0]).toBeLessThan(-100);
  });
});

describe('CEM planner', () => {
  it('swings the pendulum better than random with reduced settings (seeded)', async () => {
    const cem = { horizon: 30, iterations: 4, samples: 60, elites: 6 };
    const oracle = await returns('pendulum', 'oracle', 1, { cem });
    const random = await returns('pendulum', 'random', 1);
    expect(oracle[0]).toBeGreaterThan(random[0]);
  });
  it('clips the horizon to the episode limit', () => {
    const config = plannerConfig({ action: { kind: 'box', shape: [1], low: [-2], high: [2] }, episodeLimit: 50 }, 0);
    expect(config).toMatchObject({ kind: 'cem', params: { horizon: 50, iterations: 20, samples: 1000, elites: 100 } });
  });
});

describe('planner runtime injected into another realm', () => {
  it('picks exactly the same actions as the in-realm planner for the same seed', () => {
    const pack = getPack('cartpole');
    const config = plannerConfig(pack.spec, 3);
    const local = createPlanner(pack.createSimulator!(), config);
    const runtime = runInNewContext(plannerRuntimeSource()) as { createPlanner: typeof createPlanner };
    const remote = runtime.createPlanner(pack.createSimulator!(), config);
    const obs = [0.01, -0.02, 0.03, 0.04];
    const a = Array.from({ length: 20 }, () => local.act(obs));
    const b = Array.from({ length: 20 }, () => remote.act(obs));
    expect(b).toEqual(a);
  });
});

describe('normalized return', () => {
  it('is (model − random) / (oracle − random)', () => {
    expect(normalizedReturn(60, 20, 100).normalizedReturn).toBe(0.5);
    expect(normalizedReturn(20, 20, 100).normalizedReturn).toBe(0);
    expect(normalizedReturn(110, 20, 100).normalizedReturn).toBe(1.125);
  });
  it('is N/A with a reason when the oracle does no better than random', () => {
    const r = normalizedReturn(-200, -200, -200);
    expect(r.normalizedReturn).toBeNull();
    expect(r.reason).toMatch(/does no better than random/);
  });
});
