import type { RunRecord } from '../../core/run/types';
import { recordedEvaluate, revealPrefix, sameNode } from '../../core/run';
import { createReplayClient } from '../../core/llm/replay';
import { PAPER_SAMPLING } from '../../core/llm/types';
import { Rng } from '../../core/rng';
import { strategies } from '../../core/search';
import type { SearchSession } from '../../core/search/types';
import { runEnvironment } from './replay-context';

/** Steps per second a replay can run at; 1 suits a talk, 8 a quick recap. */
export const REPLAY_SPEEDS = [0.5, 1, 2, 4, 8] as const;

/**
 * Rebuilds a recorded run step by step for a talk: the same strategy with the same seed,
 * the replay provider answering every model call from the record and the recorded scores standing
 * in for the evaluator, so the same tree grows with no model, no network and no program run. Each
 * rebuilt node is checked against the record; if the re-run ever differs (a record from another
 * version), the replay says so and reveals the recorded nodes one by one instead.
 */
export class ReplayDriver {
  readonly record: RunRecord;
  /** The tree as rebuilt so far, for the tree view. */
  frame = $state.raw<RunRecord | null>(null);
  playing = $state(false);
  speed = $state<number>(1);
  mode = $state<'search' | 'reveal'>('search');
  notice = $state<string | null>(null);
  ready = $state(false);

  shown = $derived(this.frame?.nodes.length ?? 0);
  readonly total: number;

  /** True once every recorded node is shown. */
  get finished(): boolean {
    return this.shown >= this.total;
  }

  private session: SearchSession | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stepping = false;

  constructor(record: RunRecord) {
    this.record = record;
    this.total = record.nodes.length;
  }

  /** Builds the search session (or falls back to revealing recorded nodes) and shows the root. */
  async init(): Promise<void> {
    this.stopTimer();
    this.playing = false;
    this.notice = null;
    try {
      const { spec, transitions } = await runEnvironment(this.record);
      const seed = this.record.seed;
      this.session = strategies[this.record.strategy].create({
        spec,
        description: spec.description,
        transitions,
        llm: createReplayClient(this.record, { verifyMessages: false }),
        evaluate: recordedEvaluate(this.record),
        rng: Rng.seeded(seed),
        sampling: { ...PAPER_SAMPLING, seed },
        budget: this.record.calls.length,
        seed,
        params: this.record.params,
        env: this.record.env,
      });
      this.mode = 'search';
      this.frame = this.session.snapshot();
    } catch (e) {
      this.reveal(1, `Replaying the recorded nodes one by one (the search could not be rebuilt: ${(e as Error).message}).`);
    }
    this.ready = true;
  }

  /** Advances one step: one model call of the rebuilt search, or one recorded node. */
  async step(): Promise<void> {
    if (this.stepping || this.finished) return;
    this.stepping = true;
    try {
      if (this.mode === 'reveal' || !this.session) {
        this.frame = revealPrefix(this.record, this.shown + 1);
        return;
      }
      const before = this.shown;
      let more = true;
      try {
        more = await this.session.step();
      } catch (e) {
        return this.reveal(before, `The rebuilt search stopped (${(e as Error).message}); replaying the recorded nodes from here.`);
      }
      const snapshot = this.session.snapshot();
      const fresh = snapshot.nodes.slice(before);
      const diverged = fresh.find(
        (n) =>
          !sameNode(
            n,
            this.record.nodes.find((r) => r.id === n.id),
          ),
      );
      if (diverged) return this.reveal(before + 1, `The rebuilt search differs from the record at node ${diverged.id} (the record comes from another version); replaying the recorded nodes instead.`);
      this.frame = snapshot;
      if (!more && !this.finished) this.reveal(this.shown + 1, 'The rebuilt search ended before the record did; replaying the remaining recorded nodes.');
    } finally {
      this.stepping = false;
      if (this.finished) this.pause();
    }
  }

  /** Goes one node back (shows the recorded tree as it was). */
  back(): void {
    this.pause();
    this.reveal(Math.max(1, this.shown - 1), null);
  }

  /** Plays at `speed` steps per second until paused or finished. */
  play(): void {
    if (this.playing || this.finished) return;
    this.playing = true;
    const tick = async () => {
      if (!this.playing) return;
      await this.step();
      if (this.playing && !this.finished) this.timer = setTimeout(tick, 1000 / this.speed);
    };
    void tick();
  }

  pause(): void {
    this.playing = false;
    this.stopTimer();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Starts again from the root with a fresh search. */
  async restart(): Promise<void> {
    this.pause();
    await this.init();
  }

  /** Stops the clock; call when the view closes. */
  dispose(): void {
    this.pause();
    this.session = null;
  }

  private reveal(count: number, notice: string | null): void {
    this.mode = 'reveal';
    this.session = null;
    if (notice) this.notice = notice;
    this.frame = revealPrefix(this.record, count);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
