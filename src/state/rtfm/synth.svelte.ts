import type { StructuredRunner } from '../../core/cwm/structured';
import { readAnswer } from '../../core/rtfm/validate';
import { formatBug } from '../../core/cwm/errors';
import type { RtfmAnswer, RtfmState } from '../../core/rtfm/types';

/** Per cell, whether the synthesized board differs from the real one (either channel). */
export function cellDivergence(real: RtfmState, synth: RtfmState): boolean[][] {
  return real.board.map((row, r) => row.map((cell, c) => synth.board[r]?.[c]?.[0] !== cell[0] || synth.board[r]?.[c]?.[1] !== cell[1]));
}

/**
 * A synthesized RTFM world played beside the real one: it starts from the real state, then follows
 * its own predictions, one `setState`/`step` through the sandbox per key press. Differences from the
 * real game are marked per cell, and in inventory, reward and done.
 */
export class RtfmSynthWorld {
  program = $state('');
  state = $state.raw<RtfmState | null>(null);
  last = $state.raw<RtfmAnswer | null>(null);
  total = $state(0);
  error = $state<string | null>(null);
  busy = $state(false);

  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly runner: () => StructuredRunner) {}

  /** Starts the synthesized world at the real state. */
  sync(real: RtfmState): void {
    this.state = real;
    this.last = null;
    this.total = 0;
    this.error = null;
  }

  /** One step of the program from its own current state; key presses queue up in order. */
  step(action: number): Promise<void> {
    this.queue = this.queue.then(() => this.run(action));
    return this.queue;
  }

  private async run(action: number): Promise<void> {
    if (!this.state || !this.program.trim()) return;
    this.busy = true;
    try {
      const outcome = await this.runner().runStructured(this.program, [{ state: this.state, action }], { timeoutMs: 2000 });
      if (!outcome.ok) throw new Error(formatBug(outcome.error, this.program));
      const read = readAnswer(outcome.answers[0], 0);
      if (!read.ok) throw new Error(read.error.message);
      this.last = read.answer;
      this.state = read.answer.next_state;
      this.total += read.answer.reward;
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.busy = false;
    }
  }
}
