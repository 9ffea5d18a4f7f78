import { guardedScoring } from './runs/guarded-scoring';
import { datasetHash } from '../core/env/dataset';
import { LlmError, type LlmClient } from '../core/llm/types';
import { PROTOCOLS, defaultVariant, protocolSampling, recordDescription, recordProtocol, type ProtocolId } from '../core/protocol';
import { Rng } from '../core/rng';
import type { RunRecord, StrategyId } from '../core/run/types';
import { strategies } from '../core/search';
import type { SearchEvent, SearchSession, SearchStrategy } from '../core/search/types';
import type { EnvState } from './env.svelte';
import { browserRunner } from './evaluator';
import { model } from './model.svelte';
import { continueSettings } from './runs/continue';

/** Where a run is: nothing yet, iterating, asked to pause (finishing its call), paused, or over. */
export type RunStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'done' | 'stopped' | 'failed';

/** Default budget: the paper's 50 LLM calls per environment (paper, Table 4 setting). */
export const DEFAULT_BUDGET = 50;

/**
 * The run controller of one environment: builds the model client, the sandboxed scorer and the
 * search context, then starts, pauses, steps and stops a search session. The UI reads plain
 * snapshots of the RunRecord (`record`, replaced on every search event), the text the model is
 * streaming, and the calls, tokens, time and best score.
 */
export class RunController {
  readonly env: EnvState;
  strategyId = $state<StrategyId>('gif-mcts');
  /** The protocol of the next run: the paper's (the default) or the playground's. */
  protocol = $state<ProtocolId>('paper');
  budget = $state(DEFAULT_BUDGET);
  seed = $state(1);
  /** Hyperparameters as edited; starts at the strategy's paper defaults. */
  params = $state<Record<string, number>>({});
  /** Samples per transition of the current run's scoring (above 1: the distributional score). */
  private samples = 1;
  status = $state<RunStatus>('idle');
  record = $state.raw<RunRecord | null>(null);
  /** Completion text of the call in flight, and the node being expanded by it. */
  streamingText = $state('');
  expandingId = $state<number | null>(null);
  selectedId = $state<number | null>(null);
  elapsedMs = $state(0);
  error = $state<string | null>(null);
  /** Why the last search ended: out of budget, a correct program found, or stopped. */
  doneReason = $state<'budget' | 'solved' | 'stopped' | null>(null);
  /** A retry in progress (rate limit, network), shown as a note rather than an error. */
  notice = $state<string | null>(null);
  /** The saved run this search continues (its storage id), so autosave keeps writing to it. */
  savedId = $state<string | null>(null);

  strategy: SearchStrategy = $derived(strategies[this.strategyId]);
  active = $derived(this.status === 'running' || this.status === 'pausing' || this.status === 'paused');
  busy = $derived(this.status === 'running' || this.status === 'pausing');
  /** A new search is waiting for the provider's reachability check. */
  checking = $state(false);
  calls = $derived(this.record?.calls.length ?? 0);
  tokens = $derived(this.record?.calls.reduce((sum, c) => sum + c.tokens, 0) ?? 0);
  best = $derived(this.record?.best ?? null);

  private session: SearchSession | null = null;
  private abort: AbortController | null = null;
  private pauseRequested = false;
  private clock: ReturnType<typeof setInterval> | null = null;
  /** A saved run waiting for Resume or Step: its session is built then, with the model chosen by then. */
  private continuing: RunRecord | null = null;
  /** Fields of a continued record the search does not know about (its name, where it was forked). */
  private carry: Pick<RunRecord, 'name' | 'forkedFrom'> = {};

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

  /** Starts a new search with the current model, strategy, budget, seed and hyperparameters. */
  async start(): Promise<void> {
    if (this.busy || this.checking) return;
    this.error = null;
    // A missing environment says so before any provider check: no answer could help it.
    if (this.env.missing) {
      this.error = this.env.missing;
      return;
    }
    if (!(await this.providerAnswers())) return;
    this.forgetSaved();
    const session = this.createSession();
    if (!session) return;
    this.session = session;
    this.elapsedMs = 0;
    this.selectedId = null;
    this.record = this.snap(session);
    await this.loop(false);
  }

  /** Runs one iteration (one LLM call), starting a search first when there is none. */
  async stepOnce(): Promise<void> {
    if (this.busy) return;
    if (this.continuing) {
      if (!this.openContinued()) return;
    } else if (!this.session || this.session.finished) {
      this.error = null;
      if (this.checking || !(await this.providerAnswers())) return;
      this.forgetSaved();
      this.session = this.createSession();
      if (!this.session) return;
      this.elapsedMs = 0;
      this.record = this.snap(this.session);
    }
    await this.loop(true);
  }

  /** Continues a paused search. */
  async resume(): Promise<void> {
    if (this.status !== 'paused') return;
    if (this.continuing && !this.openContinued()) return;
    if (this.session) await this.loop(false);
  }

  /**
   * Continues a saved run exactly where it stopped: its strategy, seed, budget and
   * hyperparameters, the dataset it was scored on, and its search state (RNG, tree statistics; a
   * fork, which has none, continues with statistics rebuilt from its nodes). The
   * tree shows at once, paused; Resume or Step build the session with the model chosen by then, so
   * the user can enter the provider again first. `savedId` is where it is stored: autosave keeps
   * writing there instead of creating a second entry.
   */
  async continueFrom(record: RunRecord, savedId?: string): Promise<void> {
    if (this.busy) {
      this.error = 'A search is running on this environment. Pause or stop it first, then press "Continue this run" again.';
      return;
    }
    this.error = null;
    // A fork (or a trimmed link) has no saved search state: the strategy rebuilds it from the nodes.
    const how = record.resume ? 'where it stopped' : 'from its nodes (a fork: the search statistics are rebuilt from them, the random choices start afresh from the seed)';
    this.notice = `Continuing the saved run ${how} (${record.calls.length} calls so far). Check the model under "Pick a model", then press Resume or Step.`;
    this.session = null;
    const settings = continueSettings(record, this.budget);
    this.strategyId = settings.strategyId;
    this.protocol = recordProtocol(record);
    const variant = recordDescription(record);
    if (variant !== 'custom') this.env.setVariant(variant);
    this.seed = settings.seed;
    this.budget = settings.budget;
    this.params = settings.params;
    this.carry = settings.carry;
    this.savedId = savedId ?? null;
    this.record = record;
    this.selectedId = null;
    this.elapsedMs = record.calls.reduce((sum, c) => sum + c.ms, 0);
    this.doneReason = null;
    this.continuing = record;
    this.status = 'paused';
    const transitions = await this.env.selectMatching(record.env.datasetHash, record.env.dataset);
    if (this.continuing !== record) return; // another run was started or continued meanwhile
    if (!transitions) {
      this.continuing = null;
      this.status = 'idle';
      this.error =
        this.env.missing ??
        `This run was scored on a dataset (hash ${record.env.datasetHash}) that ${this.env.spec.title} no longer has here, so it cannot continue. It can still be viewed, replayed and exported from the Runs page.`;
    }
  }

  /** Pauses after the call in flight: nothing is lost, and Resume or Step continue from here. */
  pause(): void {
    if (this.status === 'running') {
      this.pauseRequested = true;
      this.status = 'pausing';
    }
  }

  /** Stops the search now, cancelling the call in flight; the tree so far is kept. */
  stop(): void {
    this.abort?.abort(new LlmError('aborted', 'stopped by the user'));
    if (this.status === 'paused') this.finish('stopped');
  }

  /** Scores a program a user wrote and adds it to the tree under `parentId` as a user node. */
  async scoreProgram(program: string, parentId: number): Promise<void> {
    if (this.continuing && !this.openContinued()) throw new Error(this.error ?? 'This saved run cannot continue here; start a new search to score your program.');
    this.session ??= this.createSession();
    if (!this.session?.addUserNode) throw new Error('This search strategy cannot take your own programs. Start a GIF-MCTS run first, then score your program.');
    const node = await this.session.addUserNode(parentId, program);
    this.record = this.snap(this.session);
    this.selectedId = node.id;
  }

  /** Builds the session of the saved run waiting in `continuing`; false (with `error`) when it cannot. */
  private openContinued(): boolean {
    const record = this.continuing;
    if (!record) return false;
    this.error = null;
    try {
      this.session = this.createSession(record);
    } catch (e) {
      // The record's search state is malformed (edited by hand, from another version): say so.
      this.error = `This saved run ${(e as Error).message.replace(/^cannot resume this run/, 'cannot continue')}`;
      this.session = null;
    }
    if (!this.session) return false;
    this.continuing = null;
    this.record = this.snap(this.session);
    return true;
  }

  /** Checks, before a new search, that the remote provider answers; false (with `error`) when not. */
  private async providerAnswers(): Promise<boolean> {
    // A missing dataset is the first thing to fix; no need to ask the network before that.
    if (!this.env.transitions) {
      this.error = this.env.datasetError ?? 'The dataset has not loaded yet. Wait for the Dataset tab to show the transitions, then start again.';
      return false;
    }
    this.checking = true;
    try {
      this.error = await model.unreachable();
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.checking = false;
    }
    return this.error === null;
  }

  /** A new search is not the saved run any more: autosave gives it its own entry. */
  private forgetSaved(): void {
    this.continuing = null;
    this.savedId = null;
    this.carry = {};
  }

  /** The session's record plus what the page adds: the budget (so a continued run keeps it), name. */
  private snap(session: SearchSession): RunRecord {
    const record = { ...session.snapshot(), ...this.carry, budget: this.budget };
    if (this.samples > 1) record.params = { ...record.params, samples: this.samples };
    return record;
  }

  private createSession(resume?: RunRecord): SearchSession | null {
    const transitions = this.env.transitions;
    if (!transitions) {
      this.error = this.env.datasetError ?? 'The dataset has not loaded yet. Wait for the Dataset tab to show the transitions, then start again.';
      return null;
    }
    if (resume && datasetHash(transitions) !== resume.env.datasetHash) {
      this.error = 'The dataset shown is not the one this run was scored on. Pick the dataset it used in the Dataset tab, or open the run again from the Runs page and press "Continue this run".';
      return null;
    }
    // A replay must ask the same questions as the recorded run: take its strategy, seed and settings.
    const replay = model.kind === 'replay' && !resume ? model.replayRecord : null;
    if (replay) {
      this.strategyId = replay.strategy;
      this.protocol = recordProtocol(replay);
      const variant = recordDescription(replay);
      if (variant !== 'custom') this.env.setVariant(variant);
      this.seed = replay.seed;
      this.budget = replay.calls.length;
      this.params = { ...strategies[replay.strategy].defaults, ...(replay.params as Record<string, number>) };
    }
    this.doneReason = null;
    let llm: LlmClient;
    try {
      llm = model.createClient();
    } catch (e) {
      this.error = (e as Error).message;
      return null;
    }
    const spec = this.env.spec;
    const runner = browserRunner(); // one sandbox and worker pool for the page
    // The record names the dataset, and a custom environment travels inside it.
    const env: RunRecord['env'] = { id: spec.id, datasetHash: datasetHash(transitions), dataset: this.env.datasetId };
    if (this.env.custom) env.custom = this.env.custom;
    const strategy = resume ? strategies[resume.strategy] : this.strategy;
    // A continued run keeps its own protocol; its record says which.
    const protocol = resume ? recordProtocol(resume) : this.protocol;
    const reward = PROTOCOLS[protocol].searchReward;
    const sampling = (replay?.sampling && { ...replay.sampling }) || { ...protocolSampling(protocol, llm.info), seed: this.seed };
    const scoring = guardedScoring({ llm, runner, transitions, spec, reward, seed: this.seed, saved: resume ?? replay });
    this.samples = scoring.samples;
    const session = strategy.create(
      {
        spec,
        description: this.env.description,
        protocol,
        descriptionVariant: this.env.recordedVariant,
        descriptionEdited: this.env.descriptionEdited,
        transitions,
        llm: scoring.llm,
        evaluate: scoring.evaluate,
        rng: Rng.seeded(this.seed),
        sampling,
        budget: this.budget,
        seed: this.seed,
        params: { ...this.params },
        onEvent: (event) => this.onEvent(event),
        env,
      },
      resume,
    );
    scoring.named(session.snapshot().createdAt);
    return session;
  }

  private onEvent(event: SearchEvent): void {
    switch (event.type) {
      case 'call-start':
        this.expandingId = event.parentId;
        this.streamingText = '';
        this.notice = null;
        break;
      case 'tokens':
        this.streamingText = event.text; // only the text: a snapshot per token would be wasteful
        return;
      case 'call-error':
        if (event.retrying) this.notice = `The model call failed and is being retried: ${event.error}`;
        else this.error = event.error;
        break;
      case 'done':
        this.doneReason = event.reason;
        break;
      case 'call-end':
      case 'node':
        this.expandingId = event.type === 'node' ? null : this.expandingId;
        break;
    }
    if (this.session) this.record = this.snap(this.session);
  }

  private async loop(single: boolean): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.pauseRequested = false;
    this.status = 'running';
    this.startClock();
    try {
      for (;;) {
        const more = await session.step(signal);
        this.record = this.snap(session);
        if (!more || session.finished) return this.finish('done');
        if (signal.aborted) return this.finish('stopped');
        if (single || this.pauseRequested) {
          this.status = 'paused';
          return;
        }
      }
    } catch (e) {
      if (signal.aborted) return this.finish('stopped');
      this.error = `The search stopped: ${(e as Error).message ?? e}. The tree so far is kept; press Step or Start to continue.`;
      this.finish('failed');
    } finally {
      this.stopClock();
      this.expandingId = null;
      this.record = this.snap(session);
    }
  }

  private finish(status: RunStatus): void {
    this.status = status;
    this.expandingId = null;
    this.abort = null;
    // The session is kept: its tree stays selectable and can still take user programs.
  }

  private startClock(): void {
    const started = performance.now() - this.elapsedMs;
    this.clock = setInterval(() => (this.elapsedMs = performance.now() - started), 250);
  }

  private stopClock(): void {
    if (this.clock) clearInterval(this.clock);
    this.clock = null;
  }
}

const controllers = new Map<EnvState, RunController>();

/** The run controller of an environment view, kept for the visit so a run survives navigation. */
export function runFor(env: EnvState): RunController {
  let controller = controllers.get(env);
  if (!controller) {
    controller = new RunController(env);
    controllers.set(env, controller);
  }
  return controller;
}
