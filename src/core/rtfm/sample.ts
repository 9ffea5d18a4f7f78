import { Rng } from '../rng';
import type { RtfmProtocol } from './types';

/** The paper's RTFM evaluation size: `train_buffer.sample(1000)`. */
export const PAPER_DRAWS = 1000;

/**
 * Which transitions are scored, in order: each once for `all`; for `paper-draws`, `draws`
 * indices drawn uniformly with replacement from a seeded RNG, as the paper's `ReplayBuffer.sample`
 * draws its evaluation set (so a transition may count several times and another not at all).
 */
export function evaluationIndices(count: number, protocol: RtfmProtocol): number[] {
  if (protocol.kind === 'all') return Array.from({ length: count }, (_, i) => i);
  if (count === 0) return [];
  const rng = Rng.seeded(protocol.seed);
  return Array.from({ length: protocol.draws }, () => rng.int(count));
}
