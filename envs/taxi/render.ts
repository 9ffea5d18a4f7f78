import type { Renderer } from '../render-types';
import { MAP, STANDS, decode } from './sim';

const STAND_COLORS = ['#e03131', '#2f9e44', '#f59f00', '#1c7ed6'];
const STAND_NAMES = ['R', 'G', 'Y', 'B'];

/** Draws a Taxi state: walls, the four stands, the taxi, the waiting passenger and the destination. */
export const render: Renderer = (ctx, state, { width, height, dark }) => {
  const s = decode(typeof state === 'number' ? state : state[0]);
  const cell = Math.min(width, height) / 5.4;
  const ox = (width - cell * 5) / 2;
  const oy = (height - cell * 5) / 2;
  const ink = dark ? '#f1f3f5' : '#212529';
  ctx.fillStyle = dark ? '#1a1b1e' : '#ffffff';
  ctx.fillRect(0, 0, width, height);
  for (let r = 0; r < 5; r++) {
    for (let c = 0; c < 5; c++) {
      ctx.fillStyle = dark ? '#2c2e33' : '#f1f3f5';
      ctx.fillRect(ox + c * cell, oy + r * cell, cell, cell);
    }
  }
  // Stands, with the destination outlined.
  STANDS.forEach(([r, c], i) => {
    ctx.globalAlpha = 0.35;
    ctx.fillStyle = STAND_COLORS[i];
    ctx.fillRect(ox + c * cell, oy + r * cell, cell, cell);
    ctx.globalAlpha = 1;
    if (i === s.destination) {
      ctx.strokeStyle = STAND_COLORS[i];
      ctx.lineWidth = Math.max(2, cell * 0.08);
      ctx.strokeRect(ox + c * cell + cell * 0.06, oy + r * cell + cell * 0.06, cell * 0.88, cell * 0.88);
    }
    ctx.fillStyle = ink;
    ctx.font = `bold ${Math.round(cell * 0.28)}px sans-serif`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(STAND_NAMES[i], ox + c * cell + cell * 0.1, oy + r * cell + cell * 0.08);
  });
  // Grid lines, then walls: thin for open boundaries, thick where MAP has '|'.
  ctx.strokeStyle = dark ? '#495057' : '#ced4da';
  ctx.lineWidth = 1;
  for (let k = 1; k < 5; k++) {
    ctx.beginPath();
    ctx.moveTo(ox + k * cell, oy);
    ctx.lineTo(ox + k * cell, oy + 5 * cell);
    ctx.moveTo(ox, oy + k * cell);
    ctx.lineTo(ox + 5 * cell, oy + k * cell);
    ctx.stroke();
  }
  ctx.strokeStyle = ink;
  ctx.lineWidth = Math.max(3, cell * 0.08);
  ctx.strokeRect(ox, oy, 5 * cell, 5 * cell);
  for (let r = 0; r < 5; r++) {
    for (let c = 0; c < 4; c++) {
      if (MAP[1 + r][2 * c + 2] !== '|') continue;
      ctx.beginPath();
      ctx.moveTo(ox + (c + 1) * cell, oy + r * cell);
      ctx.lineTo(ox + (c + 1) * cell, oy + (r + 1) * cell);
      ctx.stroke();
    }
  }
  // Taxi: green once the passenger is aboard.
  const inside = s.passenger === 4;
  ctx.fillStyle = inside ? '#37b24d' : '#fab005';
  ctx.beginPath();
  ctx.roundRect(ox + s.col * cell + cell * 0.2, oy + s.row * cell + cell * 0.3, cell * 0.6, cell * 0.45, cell * 0.08);
  ctx.fill();
  // A waiting passenger is a dot at their stand.
  if (!inside) {
    const [r, c] = STANDS[s.passenger];
    ctx.fillStyle = STAND_COLORS[s.passenger];
    ctx.strokeStyle = ink;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(ox + (c + 0.75) * cell, oy + (r + 0.25) * cell, cell * 0.13, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
};
