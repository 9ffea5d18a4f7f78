/** A score for display: at most 4 decimals, so a correct program reads exactly "1". */
export function formatScore(score: number): string {
  return String(Number(score.toFixed(4)));
}

/** Elapsed time as m:ss (or h:mm:ss past an hour). */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
