import type { Space } from '../../core/env/types';

/** A one-line, plain-words summary of an action or observation space for cards and headers. */
export function describeSpace(space: Space): string {
  if (space.kind === 'discrete') {
    const names = space.labels?.length ? `: ${space.labels.join(', ')}` : '';
    return `${space.n} discrete${names}`;
  }
  if (space.kind === 'multi-discrete') return `${space.nvec.length} discrete choices (${space.nvec.join(' × ')})`;
  const dims = space.shape[0];
  if (dims === 1) return `continuous in [${round(space.low[0])}, ${round(space.high[0])}]`;
  return `continuous, ${dims} dimensions`;
}

function round(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : x > 0 ? '∞' : '−∞';
}
