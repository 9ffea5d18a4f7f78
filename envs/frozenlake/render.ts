import type { Renderer } from '../render-types';
import { VARIANTS } from './maps';

const TILE_LIGHT: Record<string, string> = { S: '#d0ebff', F: '#e7f5ff', H: '#1c3d5a', G: '#ffd43b' };
const TILE_DARK: Record<string, string> = { S: '#1c4966', F: '#25435c', H: '#050b12', G: '#b08900' };

/** A renderer for one lake map: tiles, holes, the goal and the walker. */
function lakeRenderer(map: readonly string[]): Renderer {
  const size = map.length;
  return (ctx, state, { width, height, dark }) => {
    const cell = Math.min(width, height) / size;
    const ox = (width - cell * size) / 2;
    const oy = (height - cell * size) / 2;
    ctx.fillStyle = dark ? '#1a1b1e' : '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const tiles = dark ? TILE_DARK : TILE_LIGHT;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const tile = map[r][c];
        ctx.fillStyle = tiles[tile];
        ctx.fillRect(ox + c * cell, oy + r * cell, cell, cell);
        ctx.strokeStyle = dark ? '#495057' : '#a5d8ff';
        ctx.lineWidth = 1;
        ctx.strokeRect(ox + c * cell + 0.5, oy + r * cell + 0.5, cell - 1, cell - 1);
        if (tile === 'G' || tile === 'S') {
          ctx.fillStyle = dark ? '#f8f9fa' : '#212529';
          ctx.font = `${Math.round(cell * 0.4)}px sans-serif`;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(tile, ox + (c + 0.5) * cell, oy + (r + 0.5) * cell);
        }
      }
    }
    const s = typeof state === 'number' ? state : state[0];
    const x = ox + ((s % size) + 0.5) * cell;
    const y = oy + (Math.floor(s / size) + 0.5) * cell;
    ctx.fillStyle = map[Math.floor(s / size)]?.[s % size] === 'H' ? '#fa5252' : '#f08c00';
    ctx.beginPath();
    ctx.arc(x, y, cell * 0.28, 0, 2 * Math.PI);
    ctx.fill();
  };
}

/** Renderers of the four FrozenLake variants, by environment id. */
export const renderers: Record<string, Renderer> = Object.fromEntries(VARIANTS.map((v) => [v.id, lakeRenderer(v.map)]));
