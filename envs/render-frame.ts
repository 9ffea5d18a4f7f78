import type { Obs } from '../src/core/env/types';
import type { RenderOptions } from './render-types';

/** Foreground (lines, text) colour of the classic-control pictures for a theme. */
export function foreground(dark: boolean | undefined): string {
  return dark ? '#e6e6e6' : '#222222';
}

/** The first `n` elements of a state when they are all finite numbers, else null. */
function finiteNumbers(state: Obs, n: number): number[] | null {
  if (!Array.isArray(state) || state.length < n) return null;
  const xs = state.slice(0, n);
  return xs.every((x) => typeof x === 'number' && Number.isFinite(x)) ? xs : null;
}

/**
 * Starts a picture of a vector state: paints the background and returns the first `n` elements.
 * A state that cannot be drawn (too short, NaN, ∞ — a synthesized model may predict one) gets the
 * message "cannot draw: expected <layout>" instead, and null is returned.
 */
export function beginFrame(ctx: CanvasRenderingContext2D, state: Obs, n: number, layout: string, { width, height, dark }: RenderOptions): number[] | null {
  ctx.fillStyle = dark ? '#1b1d21' : '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const s = finiteNumbers(state, n);
  if (!s) {
    ctx.fillStyle = foreground(dark);
    ctx.font = '14px sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(`cannot draw: expected ${layout}`, width / 2, height / 2);
  }
  return s;
}
