/**
 * Seeded pseudo-random generator (sfc32). Its whole state is four 32-bit words, so a run can save
 * it, put it in a record and resume exactly. Every random choice in the core draws from an `Rng`
 * passed in by the caller; nothing in `src/core` calls `Math.random`.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(state: readonly number[]) {
    [this.a, this.b, this.c, this.d] = state.map((x) => x >>> 0);
  }

  /** A generator seeded from an integer; the same seed always yields the same sequence. */
  static seeded(seed: number): Rng {
    const rng = new Rng([0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0]);
    for (let i = 0; i < 15; i++) rng.nextUint32(); // warm up, as sfc32 recommends
    return rng;
  }

  /** A generator continuing from a state saved with `state()`. */
  static fromState(state: readonly number[]): Rng {
    if (state.length !== 4) throw new Error('Rng state must hold four 32-bit words');
    return new Rng(state);
  }

  /** The four words that resume this generator exactly. */
  state(): number[] {
    return [this.a, this.b, this.c, this.d];
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform float in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A standard normal sample (Box–Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A Gamma(shape, 1) sample (Marsaglia–Tsang), used for Beta draws in Thompson sampling. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.next() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** A Beta(alpha, beta) sample. */
  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    const y = this.gamma(beta);
    return x / (x + y);
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}
