import { checkRtfmTransitions } from '../../src/core/rtfm/check';
import { RTFM_CONTRACT } from '../../src/core/rtfm/contract';
import type { RtfmPack } from '../../src/core/rtfm/pack';
import type { RtfmTransition } from '../../src/core/rtfm/types';
import { HINTED_DESCRIPTION } from './description-hinted';
import { PAPER_DESCRIPTION } from './description-paper';
import { REFERENCE_PROGRAM } from './reference-program';
import { RtfmSim } from './sim';
import { spec } from './spec';

/** Attribution of the recorded RTFM buffer shipped in the pack (Apache-2.0). */
export const RTFM_ATTRIBUTION =
  'RTFM transitions from the replay buffer of Dainese et al., NeurIPS 2024 (github.com/nicoladainese96/code-world-models, Apache-2.0): data/replay_buffers/rtfm/simple_stationary, converted to JSON.';

/** Transitions in the shipped buffer (a test checks the file against it). */
export const RTFM_TRANSITIONS = 999;

let loading: Promise<RtfmTransition[]> | null = null;

/** Loads the recorded buffer once per page or process, checked; a failed load is tried again next time. */
function load(): Promise<RtfmTransition[]> {
  loading ??= import('./data/transitions.json').then((m) => {
    const checked = checkRtfmTransitions(m.default);
    if (!checked.ok) throw new Error(`the RTFM dataset is damaged: ${checked.error}`);
    return checked.transitions;
  });
  loading.catch(() => (loading = null));
  return loading;
}

/** The RTFM pack: the paper's recorded games, both descriptions, the reference simulator and its program. */
export const rtfmPack: RtfmPack = {
  spec,
  descriptions: { paper: PAPER_DESCRIPTION, hinted: HINTED_DESCRIPTION },
  contract: RTFM_CONTRACT,
  createSimulator: () => new RtfmSim(),
  referenceProgram: REFERENCE_PROGRAM,
  dataset: { id: 'paper', label: `Paper buffer (simple_stationary, ${RTFM_TRANSITIONS} transitions)`, attribution: RTFM_ATTRIBUTION, load },
};
