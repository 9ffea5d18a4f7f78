import { beginFrame, foreground } from '../render-frame';
import type { Renderer } from '../render-types';

const MIN_POSITION = -1.2;
const MAX_POSITION = 0.6;

/** Height of the track at a position (Gymnasium's drawing of the hill). */
function hill(position: number): number {
  return Math.sin(3 * position) * 0.45 + 0.55;
}

/**
 * A mountain-car renderer with the flag at `goal` (0.5 for MountainCar-v0, 0.45 for the
 * continuous variant): the hill, the flag and the car tilted along the slope.
 */
export function mountainCarRenderer(goal: number): Renderer {
  return (ctx, state, { width, height, dark }) => {
    const fg = foreground(dark);
    const s = beginFrame(ctx, state, 2, '[position, velocity]', { width, height, dark });
    if (!s) return;
    const margin = 0.05 * Math.min(width, height);
    const sx = (width - 2 * margin) / (MAX_POSITION - MIN_POSITION);
    const sy = (height - 2 * margin) / 1.1;
    const px = (p: number) => margin + (p - MIN_POSITION) * sx;
    const py = (h: number) => height - margin - h * sy;
    ctx.strokeStyle = fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i <= 100; i++) {
      const p = MIN_POSITION + ((MAX_POSITION - MIN_POSITION) * i) / 100;
      if (i === 0) ctx.moveTo(px(p), py(hill(p)));
      else ctx.lineTo(px(p), py(hill(p)));
    }
    ctx.stroke();
    // The flag at the goal.
    const fx = px(goal);
    const fy = py(hill(goal));
    const pole = 0.12 * sy;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(fx, fy);
    ctx.lineTo(fx, fy - pole);
    ctx.stroke();
    ctx.fillStyle = dark ? '#e8c547' : '#d4a017';
    ctx.beginPath();
    ctx.moveTo(fx, fy - pole);
    ctx.lineTo(fx + 0.05 * sx, fy - pole * 0.85);
    ctx.lineTo(fx, fy - pole * 0.7);
    ctx.fill();
    // The car, clamped to the track so a wild predicted state still shows where it points.
    const position = Math.min(Math.max(s[0], MIN_POSITION), MAX_POSITION);
    const slope = (Math.cos(3 * position) * 3 * 0.45 * sy) / sx;
    const angle = -Math.atan(slope);
    const carW = Math.max(16, 0.2 * sx);
    const carH = carW * 0.45;
    ctx.save();
    ctx.translate(px(position), py(hill(position)));
    ctx.rotate(angle);
    ctx.fillStyle = dark ? '#6f9bd1' : '#3b5f8f';
    ctx.fillRect(-carW / 2, -carH - carH * 0.35, carW, carH);
    ctx.fillStyle = fg;
    for (const wx of [-carW / 3, carW / 3]) {
      ctx.beginPath();
      ctx.arc(wx, -carH * 0.3, carH * 0.3, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  };
}

/** Draws MountainCar-v0 (flag at 0.5). */
export const render: Renderer = mountainCarRenderer(0.5);
