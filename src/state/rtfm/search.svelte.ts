import { rtfmPack } from '../../../envs/rtfm';
import { datasetHash } from '../../core/env/dataset';
import { evaluateStructured } from '../../core/rtfm/evaluate';
import { protocolSampling } from '../../core/protocol';
import type { RtfmDescriptionVariant } from '../../core/rtfm/pack';
import type { RtfmProtocol, RtfmTransition } from '../../core/rtfm/types';
import { Rng } from '../../core/rng';
import type { RunRecord, StrategyId } from '../../core/run/types';
import { strategies } from '../../core/search';
import type { SearchSession } from '../../core/search/types';
import { model } from '../model.svelte';
import { browserRunner } from '../evaluator';

/**
 * A search on RTFM in the page: the strategy, budget and seed as elsewhere, the model picked in the
 * model panel, every program scored in the sandbox with the RTFM weights (each transition once, or
 * the paper's draws, with the paper's sampling for the provider). The tree and the best program
 * are read from `record`.
 */
export class RtfmSearch {
  strategyId = $state<StrategyId>('gif-mcts');
  budget = $state(10);
  seed = $state(1);
  record = $state.raw<RunRecord | null>(null);
  selectedId = $state<number | null>(null);
  expandingId = $state<number | null>(null);
  streamingText = $state('');
  running = $state(false);
  error = $state<string | null>(null);
  done = $state<string | null>(null);
  private abort: AbortController | null = null;

  best = $derived(this.record?.best ?? null);
  bestProgram = $derived(this.record && this.best ? (this.record.nodes.find((n) => n.id === this.best?.nodeId)?.program ?? '') : '');

  /** Runs a whole search until its budget is used, a correct program is found, or Stop. */
  async start(transitions: readonly RtfmTransition[], variant: RtfmDescriptionVariant, protocol: RtfmProtocol): Promise<void> {
    if (this.running) return;
    this.error = null;
    this.done = null;
    let session: SearchSession;
    try {
      const runner = browserRunner();
      const llm = model.createClient();
      // The paper protocol asks each provider for the paper's sampling, as the benchmark does.
      const sampling = protocolSampling(protocol.kind === 'paper-draws' ? 'paper' : 'playground', llm.info);
      session = strategies[this.strategyId].create({
        spec: rtfmPack.spec,
        description: rtfmPack.descriptions[variant],
        contract: rtfmPack.contract,
        transitions: [],
        env: { id: 'rtfm', datasetHash: datasetHash(transitions) },
        llm,
        evaluate: (program, signal) => evaluateStructured(runner, program, transitions, { protocol, signal }),
        rng: Rng.seeded(this.seed),
        sampling: { ...sampling, seed: this.seed },
        budget: this.budget,
        seed: this.seed,
        onEvent: (e) => {
          if (e.type === 'call-start') [this.expandingId, this.streamingText] = [e.parentId, ''];
          if (e.type === 'tokens') this.streamingText = e.text;
          if (e.type === 'node') this.expandingId = null;
          if (e.type === 'call-error' && !e.retrying) this.error = e.error;
          if (e.type === 'done') this.done = e.reason === 'solved' ? 'solved: a program reproduces every transition' : e.reason === 'budget' ? 'budget used' : 'stopped';
          if (e.type !== 'tokens') this.record = session.snapshot();
        },
      });
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    this.abort = new AbortController();
    this.running = true;
    this.record = session.snapshot();
    try {
      while (!session.finished && !this.abort.signal.aborted) await session.step(this.abort.signal);
    } catch (e) {
      if (!this.abort.signal.aborted) this.error = `The search stopped: ${(e as Error).message}`;
    } finally {
      this.record = session.snapshot();
      this.running = false;
      this.expandingId = null;
    }
  }

  stop(): void {
    this.abort?.abort();
  }
}
