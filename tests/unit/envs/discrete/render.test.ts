import { describe, expect, it } from 'vitest';
import type { Obs } from '../../../../src/core/env/types';
import type { Renderer } from '../../../../envs/render-types';
import { render as blackjack } from '../../../../envs/blackjack/render';
import { render as cliffwalking } from '../../../../envs/cliffwalking/render';
import { render as taxi } from '../../../../envs/taxi/render';
import { renderers as frozenlake } from '../../../../envs/frozenlake/render';
import { render as vector } from '../../../../envs/vector-render';

/** A 2D context stand-in that records rectangles and arcs and accepts every other call. */
function recordingContext() {
  const shapes: Array<[string, number, number, number, number]> = [];
  const target: Record<string, unknown> = {
    fillRect: (x: number, y: number, w: number, h: number) => shapes.push(['rect', x, y, w, h]),
    roundRect: (x: number, y: number, w: number, h: number) => shapes.push(['rect', x, y, w, h]),
    arc: (x: number, y: number, r: number) => shapes.push(['arc', x - r, y - r, 2 * r, 2 * r]),
  };
  const ctx = new Proxy(target, {
    get: (t, key: string) => (key in t ? t[key] : () => undefined),
    set: (t, key: string, value) => {
      t[key] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, shapes };
}

function drawAll(renderer: Renderer, states: Obs[], width: number, height: number) {
  for (const dark of [false, true]) {
    for (const state of states) {
      const { ctx, shapes } = recordingContext();
      renderer(ctx, state, { width, height, dark });
      expect(shapes.length).toBeGreaterThan(1);
      for (const [, x, y, w, h] of shapes) {
        expect([x, y, w, h].every(Number.isFinite)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(-1e-9);
        expect(y).toBeGreaterThanOrEqual(-1e-9);
        expect(x + w).toBeLessThanOrEqual(width + 1e-9);
        expect(y + h).toBeLessThanOrEqual(height + 1e-9);
      }
    }
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('renderers draw every state inside the canvas, light and dark', () => {
  it('blackjack', () =>
    drawAll(
      blackjack,
      [
        [4, 1, 0],
        [21, 10, 1],
        [31, 7, 0],
      ],
      320,
      200,
    ));
  it('cliffwalking', () => drawAll(cliffwalking, range(48), 480, 160));
  it('taxi', () => drawAll(taxi, range(500), 250, 300));
  it('frozenlake', () => {
    drawAll(frozenlake['frozenlake-4x4'], range(16), 200, 200);
    drawAll(frozenlake['frozenlake-8x8-slippery'], range(64), 300, 180);
    expect(Object.keys(frozenlake)).toEqual(['frozenlake-4x4', 'frozenlake-4x4-slippery', 'frozenlake-8x8', 'frozenlake-8x8-slippery']);
  });
  it('vector fallback, including huge, negative and non-finite elements', () => {
    drawAll(vector, [[0.5, -2, 300, -1e6, 0], range(27).map((i) => Math.sin(i)), [Number.NaN, Infinity, 1], 3], 320, 240);
  });
});
