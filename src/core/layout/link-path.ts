import type { LayoutLink } from './tree-layout';

/** A coordinate with at most one decimal and no trailing ".0", to keep path strings short. */
export function fmt(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * One SVG path string for many links: a vertical cubic Bézier per link (a "linkVertical"), all in a
 * single `d` so the browser keeps one element for thousands of edges instead of one per edge.
 */
export function mergedLinkPath(links: readonly LayoutLink[]): string {
  const parts: string[] = [];
  for (const l of links) {
    const my = fmt((l.y1 + l.y2) / 2);
    const x1 = fmt(l.x1);
    const x2 = fmt(l.x2);
    parts.push(`M${x1},${fmt(l.y1)}C${x1},${my} ${x2},${my} ${x2},${fmt(l.y2)}`);
  }
  return parts.join('');
}
