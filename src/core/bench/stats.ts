/** A mean with its standard error across seeds. */
export interface Stat {
  mean: number;
  se: number;
  n: number;
}

/** Mean and standard error (sample standard deviation / √n; 0 for a single value). */
export function meanSe(xs: readonly number[]): Stat | null {
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { mean, se: 0, n };
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n), n };
}

/** `0.84 ± 0.03`, or `N/A`. */
export function formatStat(stat: Stat | null, digits = 2): string {
  if (!stat) return 'N/A';
  return stat.n > 1 ? `${stat.mean.toFixed(digits)} ± ${stat.se.toFixed(digits)}` : stat.mean.toFixed(digits);
}
