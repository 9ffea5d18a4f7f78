import { rtfmPack } from '../../envs/rtfm';
import type { BenchCell, BenchCellContext, PlanOutcome } from '../core/bench/run';
import { datasetHash } from '../core/env/dataset';
import { evaluateStructured } from '../core/rtfm/evaluate';
import { NO_STRUCTURED_RUNNER, isStructuredRunner } from '../core/rtfm/runner';
import { PAPER_DRAWS } from '../core/rtfm/sample';
import { RTFM_PLAN_DEFAULTS } from '../core/rtfm/plan';
import { UsageError } from './args';
import { planRtfmProgram } from './rtfm-plan';

/**
 * The RTFM parts of a benchmark cell (paper Table 3): the paper's description and the RTFM
 * contract, accuracy under the paper protocol (1000 draws with replacement, seeded by the cell)
 * and over each transition once, and R from the breadth-first planner.
 */
export async function rtfmBenchParts(runner: unknown, cell: BenchCell, episodes: number): Promise<Pick<BenchCellContext, 'pack' | 'transitions' | 'structured' | 'evaluate' | 'plan'>> {
  if (!isStructuredRunner(runner)) throw new UsageError(NO_STRUCTURED_RUNNER);
  const transitions = await rtfmPack.dataset.load();
  return {
    pack: { spec: rtfmPack.spec },
    transitions: [],
    structured: { description: rtfmPack.descriptions.paper, contract: rtfmPack.contract, env: { id: 'rtfm', datasetHash: datasetHash(transitions) }, table: 'rtfm' },
    evaluate: (program, reward, signal) =>
      evaluateStructured(runner, program, transitions, { protocol: reward === 'paper' ? { kind: 'paper-draws', draws: PAPER_DRAWS, seed: cell.seed } : { kind: 'all' }, signal }),
    plan: async (program, seed): Promise<PlanOutcome> => {
      const r = await planRtfmProgram(runner, program, seed, { ...RTFM_PLAN_DEFAULTS, episodes });
      return {
        R: r.normalizedReturn,
        ...(r.reason ? { reason: r.reason } : {}),
        returns: { model: r.returnModel, random: r.returnRandom, oracle: r.returnOracle },
        ...(r.modelError ? { error: r.modelError } : {}),
      };
    },
  };
}
