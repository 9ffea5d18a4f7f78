import type { EnvSpec } from '../../src/core/env/types';
import { RTFM_ACTIONS } from '../../src/core/rtfm/types';
import { HINTED_DESCRIPTION } from './description-hinted';
import { PAPER_DESCRIPTION } from './description-paper';

/**
 * RTFM (Read to Fight Monsters, Zhong et al. 2020) in the paper's `simple_stationary` variant
 * (gym id `groups_simple_stationary-v0`). The episode limit is the paper's collector's
 * `max_episode_length` (100), not the game's. Boards are not a numeric space: `observation` is
 * an empty placeholder, the RTFM contract text describes the state in prompts.
 */
export const spec: EnvSpec = {
  id: 'rtfm',
  title: 'RTFM (Read to Fight Monsters)',
  gymId: 'groups_simple_stationary-v0',
  description: HINTED_DESCRIPTION,
  paperDescription: PAPER_DESCRIPTION,
  observation: { kind: 'multi-discrete', nvec: [], labels: [] },
  action: { kind: 'discrete', n: 5, labels: [...RTFM_ACTIONS] },
  stateComparison: 'exact',
  episodeLimit: 100,
  planner: 'mcts',
  hasSimulator: true,
  cwmb: false,
  keys: { ' ': 0, '.': 0, ArrowUp: 1, ArrowDown: 2, ArrowLeft: 3, ArrowRight: 4, w: 1, s: 2, a: 3, d: 4 },
};
