export type { Evaluate, SearchContext, SearchEvent, SearchSession, SearchStrategy } from './types';
export { strategies, getStrategy, isStrategyId } from './registry';
export { gifMcts, GifMctsSession, GIF_MCTS_DEFAULTS, type GifMctsParams } from './gif-mcts';
export { worldcoder, WorldCoderSession, WORLDCODER_DEFAULTS, type ThompsonDraw } from './worldcoder';
export { bestOfN } from './best-of-n';
export { refine } from './refine';
export { uct, untriedValue, select, type UctParams, type Selection } from './uct';
export { ValueModel, ValuePredictor, type PredictorState, type ValueModelParams } from './value-model';
export { bugValue, fixChain } from './fix-chain';
