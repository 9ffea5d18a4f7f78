import type { Renderer } from '../render-types';
import { COLS, GOAL, ROWS, START, isCliff } from './sim';

/** Draws a CliffWalking state: the grid, the cliff, start and goal, and the walker. */
export const render: Renderer = (ctx, state, { width, height, dark }) => {
  const cell = Math.min(width / COLS, height / ROWS);
  const ox = (width - cell * COLS) / 2;
  const oy = (height - cell * ROWS) / 2;
  ctx.fillStyle = dark ? '#1a1b1e' : '#ffffff';
  ctx.fillRect(0, 0, width, height);
  for (let s = 0; s < ROWS * COLS; s++) {
    const x = ox + (s % COLS) * cell;
    const y = oy + Math.floor(s / COLS) * cell;
    ctx.fillStyle = isCliff(s) ? (dark ? '#5c1a1a' : '#c92a2a') : s === GOAL ? '#2f9e44' : s === START ? (dark ? '#364fc7' : '#a5d8ff') : dark ? '#2c2e33' : '#f1f3f5';
    ctx.fillRect(x, y, cell, cell);
    ctx.strokeStyle = dark ? '#495057' : '#ced4da';
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
  }
  ctx.fillStyle = dark ? '#f8f9fa' : '#212529';
  ctx.font = `${Math.round(cell * 0.35)}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('S', ox + cell / 2, oy + (ROWS - 0.5) * cell);
  ctx.fillText('G', ox + (COLS - 0.5) * cell, oy + (ROWS - 0.5) * cell);
  const s = typeof state === 'number' ? state : state[0];
  ctx.fillStyle = '#f08c00';
  ctx.beginPath();
  ctx.arc(ox + ((s % COLS) + 0.5) * cell, oy + (Math.floor(s / COLS) + 0.5) * cell, cell * 0.3, 0, 2 * Math.PI);
  ctx.fill();
};
