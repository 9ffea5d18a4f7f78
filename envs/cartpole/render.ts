import { beginFrame, foreground } from '../render-frame';
import type { Renderer } from '../render-types';

/** Half the visible track in metres: the cart's x limit of 2.4 plus a margin for the cart. */
const WORLD_HALF_WIDTH = 2.8;
const POLE_LENGTH = 1.0; // twice the half length 0.5

/** Draws the cart on its track and the pole at its angle (positive theta leans right). */
export const render: Renderer = (ctx, state, { width, height, dark }) => {
  const fg = foreground(dark);
  const s = beginFrame(ctx, state, 4, '[x, xDot, theta, thetaDot]', { width, height, dark });
  if (!s) return;
  const [x, , theta] = s;
  const scale = Math.min(width / (2 * WORLD_HALF_WIDTH), height / 2.2);
  const trackY = height * 0.7;
  const cartW = 0.5 * scale;
  const cartH = 0.3 * scale;
  // A predicted state may put the cart far off the track; keep it in view at the edge.
  const cx = Math.min(Math.max(width / 2 + x * scale, cartW / 2), width - cartW / 2);
  // The track and the two ends the cart must not pass (|x| = 2.4).
  ctx.strokeStyle = fg;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, trackY);
  ctx.lineTo(width, trackY);
  for (const edge of [-2.4, 2.4]) {
    ctx.moveTo(width / 2 + edge * scale, trackY - 6);
    ctx.lineTo(width / 2 + edge * scale, trackY + 6);
  }
  ctx.stroke();
  ctx.fillStyle = dark ? '#6f9bd1' : '#3b5f8f';
  ctx.fillRect(cx - cartW / 2, trackY - cartH / 2, cartW, cartH);
  const pivotY = trackY - cartH / 2;
  ctx.strokeStyle = dark ? '#e0a062' : '#c0662a';
  ctx.lineCap = 'round';
  ctx.lineWidth = Math.max(3, 0.1 * scale);
  ctx.beginPath();
  ctx.moveTo(cx, pivotY);
  ctx.lineTo(cx + POLE_LENGTH * scale * Math.sin(theta), pivotY - POLE_LENGTH * scale * Math.cos(theta));
  ctx.stroke();
  ctx.fillStyle = fg;
  ctx.beginPath();
  ctx.arc(cx, pivotY, Math.max(2, 0.03 * scale), 0, 2 * Math.PI);
  ctx.fill();
};
