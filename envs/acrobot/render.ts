import { beginFrame, foreground } from '../render-frame';
import type { Renderer } from '../render-types';

/** Draws the two links from [cos θ1, sin θ1, cos θ2, sin θ2, …] and the target line one link above the pivot. */
export const render: Renderer = (ctx, state, { width, height, dark }) => {
  const fg = foreground(dark);
  const s = beginFrame(ctx, state, 4, '[cos θ1, sin θ1, cos θ2, sin θ2, …]', { width, height, dark });
  if (!s) return;
  // Angles from atan2, so a predicted cos/sin pair that is not unit length still draws unit links.
  const t1 = Math.atan2(s[1], s[0]);
  const t12 = t1 + Math.atan2(s[3], s[2]);
  const scale = Math.min(width, height) / 4.4; // two links of length 1 on each side, plus margin
  const ox = width / 2;
  const oy = height / 2;
  // World y points up; the chain hangs down at theta = 0.
  const p1 = [ox + scale * Math.sin(t1), oy + scale * Math.cos(t1)];
  const p2 = [p1[0] + scale * Math.sin(t12), p1[1] + scale * Math.cos(t12)];
  ctx.strokeStyle = fg;
  ctx.lineWidth = 1;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(0, oy - scale);
  ctx.lineTo(width, oy - scale);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineCap = 'round';
  ctx.lineWidth = Math.max(4, 0.12 * scale);
  ctx.strokeStyle = dark ? '#6f9bd1' : '#3b5f8f';
  ctx.beginPath();
  ctx.moveTo(ox, oy);
  ctx.lineTo(p1[0], p1[1]);
  ctx.stroke();
  ctx.strokeStyle = dark ? '#e0a062' : '#c0662a';
  ctx.beginPath();
  ctx.moveTo(p1[0], p1[1]);
  ctx.lineTo(p2[0], p2[1]);
  ctx.stroke();
  ctx.fillStyle = fg;
  for (const [x, y] of [[ox, oy], p1]) {
    ctx.beginPath();
    ctx.arc(x, y, Math.max(3, 0.05 * scale), 0, 2 * Math.PI);
    ctx.fill();
  }
};
