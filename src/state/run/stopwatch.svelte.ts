/** How long a search has run, counting only while it iterates; updated four times a second. */
export class Stopwatch {
  ms = $state(0);
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Sets the time already spent (0 for a new search, the recorded calls' time for a continued one). */
  set(ms: number): void {
    this.ms = ms;
  }

  /** Counts on from the time already spent. */
  start(): void {
    const started = performance.now() - this.ms;
    this.timer = setInterval(() => (this.ms = performance.now() - started), 250);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
