import type { LayoutNode, TreeLayout } from '../../core/layout';
import { TREE_COLORS, scoreColor } from './colors';

/** What the canvas mode needs to draw one frame. */
export interface CanvasFrame {
  layout: TreeLayout;
  linkPath: Path2D;
  bestPath: Path2D;
  transform: { k: number; x: number; y: number };
  width: number;
  height: number;
  selectedId: number | null;
  labels: boolean;
  /** Node radius in layout units (grown when zoomed far out so nodes stay visible). */
  radius: number;
}

/**
 * Draws the tree on a 2D canvas (the mode for very large trees, where thousands of SVG elements
 * would make every zoom frame re-layout). Nodes outside the viewport are skipped.
 */
export function drawTree(ctx: CanvasRenderingContext2D, f: CanvasFrame): void {
  const dpr = ctx.canvas.width / Math.max(1, f.width);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, f.width, f.height);
  const { k, x, y } = f.transform;
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);

  ctx.lineWidth = 1.2 / k;
  ctx.strokeStyle = TREE_COLORS.link;
  ctx.stroke(f.linkPath);
  ctx.lineWidth = 4 / Math.max(k, 0.5);
  ctx.strokeStyle = TREE_COLORS.best;
  ctx.stroke(f.bestPath);

  // The viewport in layout coordinates, widened by a node radius.
  const r = f.radius;
  const x0 = -x / k - r;
  const x1 = (f.width - x) / k + r;
  const y0 = -y / k - r;
  const y1 = (f.height - y) / k + r;
  // Fill by colour bucket: 32 fills per frame instead of one per node.
  const buckets: Path2D[] = Array.from({ length: BUCKETS }, () => new Path2D());
  const marked: LayoutNode[] = [];
  const visible: LayoutNode[] = [];
  for (const n of f.layout.nodes) {
    if (n.x < x0 || n.x > x1 || n.y < y0 || n.y > y1) continue;
    const p = buckets[bucketOf(n.score)];
    addShape(p, n, r);
    visible.push(n);
    // Zoomed far out, red rings on every buggy node would drown the score colours.
    if ((n.buggy && k >= 0.3) || n.onBestPath || n.id === f.selectedId) marked.push(n);
  }
  buckets.forEach((p, i) => {
    ctx.fillStyle = BUCKET_COLORS[i];
    ctx.fill(p);
  });
  for (const n of marked) {
    const p = new Path2D();
    addShape(p, n, r);
    ctx.lineWidth = (n.id === f.selectedId ? 4 : 2.5) / Math.min(1, k);
    ctx.strokeStyle = n.id === f.selectedId ? TREE_COLORS.selected : n.buggy ? TREE_COLORS.buggy : TREE_COLORS.best;
    ctx.stroke(p);
  }
  if (f.labels) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = 'bold 10px system-ui, sans-serif';
    for (const n of visible) {
      ctx.fillStyle = n.score > 0.6 ? '#111' : '#fff';
      ctx.fillText(n.glyph, n.x, n.y + 0.5);
    }
  }
}

const BUCKETS = 32;
const BUCKET_COLORS = Array.from({ length: BUCKETS }, (_, i) => scoreColor(i / (BUCKETS - 1)));

function bucketOf(score: number): number {
  return Number.isFinite(score) ? Math.round(Math.min(1, Math.max(0, score)) * (BUCKETS - 1)) : 0;
}

/** A circle, or a square for terminal nodes. */
function addShape(p: Path2D, n: LayoutNode, r: number): void {
  if (n.terminal) {
    p.rect(n.x - r, n.y - r, 2 * r, 2 * r);
  } else {
    p.moveTo(n.x + r, n.y);
    p.arc(n.x, n.y, r, 0, 2 * Math.PI);
  }
}
