import { LlmError } from '../../core/llm/types';
import type { RunRecord } from '../../core/run/types';
import type { SearchEvent, SearchSession } from '../../core/search/types';
import { model } from '../model.svelte';
import { liveUpdate } from './live';
import { BUSY_CONTINUE, cannotContinue, continueNotice, datasetGone, searchStopped, sessionDataset } from './messages';
import { continueSettings, pageRecord, replaySettings, type ContinueSettings } from './record-settings';
import { SearchSettings } from './search-settings.svelte';
import { modelProblem, openSession } from './session';
import { isActive, isBusy, nextStatus, type DoneReason, type RunEvent, type RunStatus } from './status';
import { Stopwatch } from './stopwatch.svelte';

/**
 * The run controller of one environment: starts, pauses, steps and stops a search session with the
 * settings it extends, and continues a saved run. The UI reads plain snapshots of the RunRecord
 * (`record`, replaced on every search event), the text the model is streaming, and the calls,
 * tokens, time and best score. Status changes follow `nextStatus`, search events `liveUpdate`.
 */
export class RunController extends SearchSettings {
  status = $state<RunStatus>('idle');
  record = $state.raw<RunRecord | null>(null);
  /** Completion text of the call in flight, and the node being expanded by it. */
  streamingText = $state('');
  expandingId = $state<number | null>(null);
  selectedId = $state<number | null>(null);
  error = $state<string | null>(null);
  /** Why the last search ended: out of budget, a correct program found, or stopped. */
  doneReason = $state<DoneReason | null>(null);
  /** A retry in progress (rate limit, network), shown as a note rather than an error. */
  notice = $state<string | null>(null);
  /** The saved run this search continues (its storage id), so autosave keeps writing to it. */
  savedId = $state<string | null>(null);
  /** A new search is waiting for the provider's reachability check. */
  checking = $state(false);

  active = $derived(isActive(this.status));
  busy = $derived(isBusy(this.status));
  calls = $derived(this.record?.calls.length ?? 0);
  tokens = $derived(this.record?.calls.reduce((sum, c) => sum + c.tokens, 0) ?? 0);
  best = $derived(this.record?.best ?? null);

  /** Samples per transition of the current run's scoring (above 1: the distributional score). */
  private samples = 1;
  private session: SearchSession | null = null;
  private abort: AbortController | null = null;
  private readonly clock = new Stopwatch();
  /** A saved run waiting for Resume or Step: its session is built then, with the model chosen by then. */
  private continuing: RunRecord | null = null;
  /** Fields of a continued record the search does not know about (its name, where it was forked). */
  private carry: ContinueSettings['carry'] = {};

  /** Time spent searching, counted while the search iterates. */
  get elapsedMs(): number {
    return this.clock.ms;
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
    this.clock.set(0);
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
      this.clock.set(0);
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
      this.error = BUSY_CONTINUE;
      return;
    }
    this.error = null;
    this.notice = continueNotice(record);
    this.session = null;
    const settings = continueSettings(record, this.budget);
    this.adopt(settings);
    this.carry = settings.carry;
    this.savedId = savedId ?? null;
    this.record = record;
    this.selectedId = null;
    this.clock.set(settings.elapsedMs);
    this.doneReason = null;
    this.continuing = record;
    this.move({ type: 'continue' });
    const transitions = await this.env.selectMatching(record.env.datasetHash, record.env.dataset);
    if (this.continuing !== record) return; // another run was started or continued meanwhile
    if (!transitions) {
      this.continuing = null;
      this.move({ type: 'cannot-continue' });
      this.error = this.env.missing ?? datasetGone(record, this.env.spec.title);
    }
  }

  /** Pauses after the call in flight: nothing is lost, and Resume or Step continue from here. */
  pause(): void {
    this.move({ type: 'pause' });
  }

  /** Stops the search now, cancelling the call in flight; the tree so far is kept. */
  stop(): void {
    this.abort?.abort(new LlmError('aborted', 'stopped by the user'));
    if (this.status === 'paused') this.finish({ type: 'stop' });
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
      this.error = cannotContinue(e as Error);
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
    const dataset = sessionDataset(this.env.transitions, this.env.datasetError);
    if (!dataset.ok) {
      this.error = dataset.error;
      return false;
    }
    this.checking = true;
    this.error = await modelProblem().finally(() => (this.checking = false));
    return this.error === null;
  }

  /** A new search is not the saved run any more: autosave gives it its own entry. */
  private forgetSaved(): void {
    this.continuing = null;
    this.savedId = null;
    this.carry = {};
  }

  private snap(session: SearchSession): RunRecord {
    return pageRecord(session.snapshot(), this.carry, this.budget, this.samples);
  }

  /** A new session (or, with `resume`, the saved run's); null with `error` set when it cannot start. */
  private createSession(resume?: RunRecord): SearchSession | null {
    const dataset = sessionDataset(this.env.transitions, this.env.datasetError, resume);
    if (!dataset.ok) {
      this.error = dataset.error;
      return null;
    }
    // A replay must ask the same questions as the recorded run: take its strategy, seed and settings.
    const replay = model.kind === 'replay' && !resume ? model.replayRecord : null;
    if (replay) this.adopt(replaySettings(replay));
    this.doneReason = null;
    const opened = openSession({ env: this.env, transitions: dataset.transitions, settings: this, resume, replay, onEvent: (event) => this.onEvent(event) });
    if (!opened.ok) {
      this.error = opened.error;
      return null;
    }
    this.samples = opened.samples;
    return opened.session;
  }

  private onEvent(event: SearchEvent): void {
    const { patch, snapshot } = liveUpdate(event);
    Object.assign(this, patch);
    if (snapshot && this.session) this.record = this.snap(this.session);
  }

  private async loop(single: boolean): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.move({ type: 'loop' });
    this.clock.start();
    try {
      for (;;) {
        const more = await session.step(signal);
        this.record = this.snap(session);
        const step: RunEvent = { type: 'step', more, finished: session.finished, aborted: signal.aborted, single };
        const next = nextStatus(this.status, step);
        if (next === 'done' || next === 'stopped') return this.finish(step);
        if (next === 'paused') return this.move(step);
      }
    } catch (e) {
      if (!signal.aborted) this.error = searchStopped(e);
      this.finish({ type: 'error', aborted: signal.aborted });
    } finally {
      this.clock.stop();
      this.expandingId = null;
      this.record = this.snap(session);
    }
  }

  private move(event: RunEvent): void {
    this.status = nextStatus(this.status, event);
  }

  /** Ends the search; the session is kept: its tree stays selectable and can still take user programs. */
  private finish(event: RunEvent): void {
    this.move(event);
    this.expandingId = null;
    this.abort = null;
  }
}
