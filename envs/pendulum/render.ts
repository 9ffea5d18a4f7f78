import { beginFrame, foreground } from '../render-frame';
import type { Renderer } from '../render-types';

/**
 * Draws the arm from [cos θ, sin θ, θ̇] (θ = 0 points up, positive counter-clockwise) with an arc
 * showing the spin; the torque is not part of the state, so it is not drawn.
 */
export const render: Renderer = (ctx, state, { width, height, dark }) => {
  const fg = foreground(dark);
  const s = beginFrame(ctx, state, 3, '[cos θ, sin θ, θ̇]', { width, height, dark });
  if (!s) return;
  const theta = Math.atan2(s[1], s[0]);
  const r = Math.min(width, height) * 0.38;
  const ox = width / 2;
  const oy = height / 2;
  // Screen y points down, so the tip of an arm at theta is at (-sin θ, -cos θ) from the pivot.
  const tx = ox - r * Math.sin(theta);
  const ty = oy - r * Math.cos(theta);
  ctx.lineCap = 'round';
  ctx.lineWidth = Math.max(6, 0.1 * r);
  ctx.strokeStyle = dark ? '#e0a062' : '#c0662a';
  ctx.beginPath();
  ctx.moveTo(ox, oy);
  ctx.lineTo(tx, ty);
  ctx.stroke();
  // Angular velocity as an arc around the pivot, its length proportional to |θ̇| / 8.
  const spin = Math.max(-1, Math.min(1, s[2] / 8));
  if (spin !== 0) {
    const start = -Math.PI / 2 - theta;
    ctx.strokeStyle = fg;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(ox, oy, r * 0.35, start, start - spin * Math.PI, spin > 0);
    ctx.stroke();
  }
  ctx.fillStyle = fg;
  ctx.beginPath();
  ctx.arc(ox, oy, Math.max(3, 0.05 * r), 0, 2 * Math.PI);
  ctx.fill();
};
