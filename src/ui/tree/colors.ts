import { interpolateViridis } from 'd3-scale-chromatic';

/**
 * Fill colour of a node by its score in [0, 1]: viridis, which stays readable for colour-blind
 * viewers and on a projector, from dark purple (0) to yellow (1).
 */
export function scoreColor(score: number): string {
  return interpolateViridis(Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0);
}

/** Legend stops (score → colour) for a CSS linear-gradient. */
export function legendGradient(stops = 6): string {
  const parts = Array.from({ length: stops }, (_, i) => `${scoreColor(i / (stops - 1))} ${((100 * i) / (stops - 1)).toFixed(0)}%`);
  return `linear-gradient(to right, ${parts.join(', ')})`;
}

/** Colour of the best path, buggy marks and the selection ring (also used by the canvas mode). */
export const TREE_COLORS = {
  best: '#f59e0b',
  buggy: '#dc2626',
  selected: '#2563eb',
  link: 'rgba(127, 127, 127, 0.55)',
};

/** Node radius in layout units. */
export const NODE_RADIUS = 9;
