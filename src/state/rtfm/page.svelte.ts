import { rtfmPack } from '../../../envs/rtfm';
import { planRtfmProgram } from '../../../envs/rtfm/bench-cell';
import { evaluateStructured } from '../../core/rtfm/evaluate';
import type { RtfmDescriptionVariant } from '../../core/rtfm/pack';
import type { RtfmPlanResult } from '../../core/rtfm/plan';
import { PAPER_DRAWS } from '../../core/rtfm/sample';
import type { RtfmEvalResult, RtfmProtocol, RtfmTransition } from '../../core/rtfm/types';
import { RtfmGame } from './game.svelte';
import { browserRunner } from '../evaluator';
import { RtfmSearch } from './search.svelte';
import { RtfmSynthWorld } from './synth.svelte';

/**
 * Everything the RTFM page holds: the recorded games, the real game and a synthesized one played
 * side by side, the program being scored, the description variant and the scoring protocol, the
 * search and the planning result.
 */
export class RtfmPage {
  transitions = $state.raw<RtfmTransition[] | null>(null);
  loadError = $state<string | null>(null);
  /** The transition shown by the dataset browser. */
  index = $state(0);
  variant = $state<RtfmDescriptionVariant>('paper');
  paperProtocol = $state(false);
  protocolSeed = $state(0);
  program = $state(rtfmPack.referenceProgram);
  result = $state.raw<RtfmEvalResult | null>(null);
  evalError = $state<string | null>(null);
  evaluating = $state(false);
  plan = $state.raw<RtfmPlanResult | null>(null);
  planError = $state<string | null>(null);
  planning = $state(false);
  readonly game = new RtfmGame();
  readonly synth = new RtfmSynthWorld(browserRunner);
  readonly search = new RtfmSearch();

  protocol: RtfmProtocol = $derived(this.paperProtocol ? { kind: 'paper-draws', draws: PAPER_DRAWS, seed: this.protocolSeed } : { kind: 'all' });
  description = $derived(rtfmPack.descriptions[this.variant]);

  async load(): Promise<void> {
    try {
      this.transitions = await rtfmPack.dataset.load();
    } catch (e) {
      this.loadError = `The recorded RTFM games did not load (${(e as Error).message}). Reload the page to try again.`;
    }
  }

  /** A key press in the game: the real world moves, the synthesized one follows from its own state. */
  act(action: number): void {
    if (this.game.act(action) && this.synth.state) void this.synth.step(action);
  }

  /** New game from a seed; the synthesized world restarts from the same board. */
  reset(seed?: number): void {
    this.game.reset(seed);
    this.synth.sync(this.game.state);
  }

  /** Plays from the recorded state the dataset browser shows. */
  playRecorded(): void {
    const t = this.transitions?.[this.index];
    if (!t) return;
    this.game.load(t.state);
    this.synth.sync(this.game.state);
  }

  /** Scores the program in the sandbox with the RTFM weights. */
  async evaluate(): Promise<void> {
    if (!this.transitions || this.evaluating) return;
    this.evaluating = true;
    this.evalError = null;
    try {
      this.result = await evaluateStructured(browserRunner(), this.program, this.transitions, { protocol: this.protocol });
    } catch (e) {
      this.evalError = (e as Error).message;
    } finally {
      this.evaluating = false;
    }
  }

  /** The program's normalized return with the breadth-first planner (10 episodes). */
  async planProgram(seed = 0): Promise<void> {
    if (this.planning) return;
    this.planning = true;
    this.planError = null;
    try {
      this.plan = await planRtfmProgram(browserRunner(), this.program, seed);
    } catch (e) {
      this.planError = (e as Error).message;
    } finally {
      this.planning = false;
    }
  }
}
