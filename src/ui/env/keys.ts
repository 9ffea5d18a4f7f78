import type { Action, EnvSpec } from '../../core/env/types';

const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', ' ': 'Space' };

/**
 * The action a key press takes in Play: the pack's key map for discrete actions; for continuous
 * actions ← and → push the first dimension to its bounds and ↓ applies the middle of the range.
 */
export function keyToAction(spec: Pick<EnvSpec, 'keys' | 'action'>, key: string): Action | null {
  const action = spec.action;
  if (action.kind === 'discrete') {
    const mapped = spec.keys?.[key] ?? spec.keys?.[key.toLowerCase()];
    if (mapped !== undefined) return mapped;
    const digit = Number(key);
    return /^[0-9]$/.test(key) && digit < action.n ? digit : null;
  }
  if (action.kind !== 'box') return null;
  const middle = action.low.map((lo, i) => (lo + action.high[i]) / 2);
  if (key === 'ArrowLeft') return middle.map((m, i) => (i === 0 ? action.low[0] : m));
  if (key === 'ArrowRight') return middle.map((m, i) => (i === 0 ? action.high[0] : m));
  if (key === 'ArrowDown') return middle;
  return null;
}

/** Which keys play an environment, in words for the hint under the canvas. */
export function keyHints(spec: Pick<EnvSpec, 'keys' | 'action'>): string {
  const action = spec.action;
  if (action.kind === 'box') return '← / → for full force, ↓ for none';
  if (action.kind !== 'discrete') return 'the buttons';
  if (!spec.keys || Object.keys(spec.keys).length === 0) return `keys 0–${action.n - 1}`;
  const byAction = new Map<number, string[]>();
  for (const [key, a] of Object.entries(spec.keys)) byAction.set(a, [...(byAction.get(a) ?? []), ARROWS[key] ?? key.toUpperCase()]);
  return [...byAction.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([a, keys]) => `${keys.join('/')} ${action.labels?.[a] ?? a}`)
    .join(', ');
}
