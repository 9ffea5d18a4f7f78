import type { StrategyId } from '../run/types';
import { bestOfN } from './best-of-n';
import { refine } from './refine';
import { gifMcts } from './gif-mcts';
import type { SearchStrategy } from './types';
import { worldcoder } from './worldcoder';

/** Every search strategy, keyed by its id. */
export const strategies: Record<StrategyId, SearchStrategy> = {
  'gif-mcts': gifMcts,
  worldcoder,
  'best-of-n': bestOfN,
  refine,
};

/** Whether `id` names a strategy. */
export function isStrategyId(id: string): id is StrategyId {
  return Object.prototype.hasOwnProperty.call(strategies, id);
}

/** The strategy with this id; throws a message listing the known ids otherwise. */
export function getStrategy(id: string): SearchStrategy {
  if (!isStrategyId(id)) throw new Error(`unknown search strategy "${id}"; use one of: ${Object.keys(strategies).join(', ')}`);
  return strategies[id];
}
