import type { BenchCell, BenchCellContext, PlanOutcome } from '../../src/core/bench/run';
import type { StructuredRunner } from '../../src/core/cwm/structured';
import { DEFAULT_TIMEOUT_MS } from '../../src/core/cwm/evaluate';
import { datasetHash } from '../../src/core/env/dataset';
import { descriptionText } from '../../src/core/protocol/descriptions';
import { evaluateStructured } from '../../src/core/rtfm/evaluate';
import { evaluateRtfmPlanning, programModel, RTFM_PLAN_DEFAULTS, type RtfmPlanParams, type RtfmPlanResult } from '../../src/core/rtfm/plan';
import { PAPER_DRAWS } from '../../src/core/rtfm/sample';
import { readAnswer } from '../../src/core/rtfm/validate';
import { rtfmPack } from './index';

/** The normalized return of an RTFM program, its model steps run by `runner` in batches. */
export function planRtfmProgram(runner: StructuredRunner, program: string, seed: number, params: RtfmPlanParams = RTFM_PLAN_DEFAULTS, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RtfmPlanResult> {
  const model = programModel((inputs) => runner.runStructured(program, inputs, { timeoutMs }), readAnswer);
  return evaluateRtfmPlanning(rtfmPack.createSimulator, model, seed, params);
}

/**
 * The RTFM parts of a benchmark cell (paper Table 3), for the CLI and the page alike: the paper's
 * description and the RTFM contract, accuracy under the paper protocol (1000 draws with
 * replacement, seeded by the cell) and over each transition once, and R from the breadth-first planner.
 */
export async function rtfmBenchParts(runner: StructuredRunner, cell: BenchCell, episodes: number): Promise<Pick<BenchCellContext, 'pack' | 'transitions' | 'structured' | 'evaluate' | 'plan'>> {
  const transitions = await rtfmPack.dataset.load();
  return {
    pack: { spec: rtfmPack.spec },
    transitions: [],
    structured: {
      description: descriptionText(rtfmPack.spec, cell.description === 'paper' ? 'paper' : 'hinted'),
      contract: rtfmPack.contract,
      env: { id: 'rtfm', datasetHash: datasetHash(transitions) },
      table: 'rtfm',
    },
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
