import { defaultVariant, type ProtocolId } from '../../core/protocol';
import type { RunSettings } from '../../core/run';
import type { StrategyId } from '../../core/run/types';
import { strategies } from '../../core/search';
import type { SearchStrategy } from '../../core/search/types';
import type { EnvState } from '../env.svelte';
import type { RecordSettings } from './record-settings';
import { DEFAULT_BUDGET } from './status';

/**
 * The settings of an environment page's next search, as the run controls edit them: strategy,
 * protocol, budget, seed and hyperparameters. They also come from a `#settings=` link, a saved run
 * being continued, or a run being replayed.
 */
export class SearchSettings {
  readonly env: EnvState;
  strategyId = $state<StrategyId>('gif-mcts');
  /** The protocol of the next run: the paper's (the default) or the playground's. */
  protocol = $state<ProtocolId>('paper');
  budget = $state(DEFAULT_BUDGET);
  seed = $state(1);
  /** Hyperparameters as edited; starts at the strategy's paper defaults. */
  params = $state<Record<string, number>>({});
  strategy: SearchStrategy = $derived(strategies[this.strategyId]);

  constructor(env: EnvState) {
    this.env = env;
    this.resetParams();
  }

  /** Puts every hyperparameter back to the paper's default for the chosen strategy. */
  resetParams(): void {
    this.params = { ...strategies[this.strategyId].defaults };
  }

  /**
   * Changes the protocol; the description switches to the protocol's variant (the paper text for
   * the paper protocol where the environment has one, the hinted text for the playground).
   */
  setProtocol(id: ProtocolId): void {
    this.protocol = id;
    if (!this.env.custom) this.env.setVariant(defaultVariant(this.env.spec, id));
  }

  /** Changes the strategy; its own defaults replace the previous strategy's hyperparameters. */
  setStrategy(id: StrategyId): void {
    this.strategyId = id;
    this.resetParams();
  }

  /** Fills the run controls from a `#settings=` link: strategy, protocol, description, budget, seed, dataset. */
  useLinkSettings(settings: RunSettings): void {
    this.setStrategy(settings.strategy);
    if (settings.protocol) this.setProtocol(settings.protocol);
    if (settings.description) this.env.setVariant(settings.description);
    this.budget = settings.budget;
    this.seed = settings.seed;
    this.params = { ...this.params, ...settings.params };
    if (settings.dataset && settings.dataset !== this.env.datasetId) void this.env.selectDataset(settings.dataset);
  }

  /** Takes a record's settings (a run continued or replayed) into the run controls. */
  protected adopt(settings: RecordSettings): void {
    this.strategyId = settings.strategyId;
    this.protocol = settings.protocol;
    if (settings.variant !== 'custom') this.env.setVariant(settings.variant);
    this.seed = settings.seed;
    this.budget = settings.budget;
    this.params = settings.params;
  }
}
