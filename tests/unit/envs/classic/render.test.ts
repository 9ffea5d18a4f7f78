import { describe, expect, it } from 'vitest';
import type { Obs } from '../../../../src/core/env/types';
import type { Renderer } from '../../../../envs/render-types';
import { render as cartpole } from '../../../../envs/cartpole/render';
import { render as mountaincar, mountainCarRenderer } from '../../../../envs/mountaincar/render';
import { render as acrobot } from '../../../../envs/acrobot/render';
import { render as pendulum } from '../../../../envs/pendulum/render';

interface Call {
  name: string;
  args: unknown[];
}

/** A stand-in 2D context that records every method call and property write. */
function recordingContext(): { ctx: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const target: Record<string, unknown> = {};
  const ctx = new Proxy(target, {
    get: (_, name: string) => (name in target ? target[name] : (...args: unknown[]) => void calls.push({ name, args })),
    set: (_, name: string, value) => {
      target[name] = value;
      calls.push({ name: `set ${name}`, args: [value] });
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const renderers: [string, Renderer, Obs][] = [
  ['cartpole', cartpole, [0.5, 0, 0.15, 0]],
  ['mountaincar', mountaincar, [-0.3, 0.01]],
  ['mountaincar-continuous', mountainCarRenderer(0.45), [0.4, 0.02]],
  ['acrobot', acrobot, [Math.cos(2), Math.sin(2), Math.cos(0.8), Math.sin(0.8), 0, 0]],
  ['pendulum', pendulum, [Math.cos(0.6), Math.sin(0.6), 3]],
];

// States a synthesized model might predict: wrong shapes, non-finite or absurd numbers.
const adversarial: Obs[] = [7, [], [NaN, 0, 0, 0, 0, 0], [Infinity, -Infinity, 1, 1, 1, 1], [1e300, -1e300, 1e300, 1e300, 1e300, 1e300], [0, 0, 0, 0, 0, 0]];

describe.each(renderers)('%s renderer', (_, render, state) => {
  it('fills the whole canvas with a light or dark background, then draws', () => {
    for (const dark of [false, true]) {
      const { ctx, calls } = recordingContext();
      render(ctx, state, { width: 320, height: 200, dark });
      const fill = calls.findIndex((c) => c.name === 'fillRect');
      expect(calls[fill].args).toEqual([0, 0, 320, 200]);
      expect(calls.filter((c) => c.name === 'stroke' || c.name === 'fill').length).toBeGreaterThan(0);
      expect(calls.some((c) => c.name === 'fillText')).toBe(false);
    }
    const light = recordingContext();
    const dark = recordingContext();
    render(light.ctx, state, { width: 320, height: 200 });
    render(dark.ctx, state, { width: 320, height: 200, dark: true });
    expect(light.calls.find((c) => c.name === 'set fillStyle')?.args).not.toEqual(dark.calls.find((c) => c.name === 'set fillStyle')?.args);
  });

  it('never hands the canvas a non-finite number, whatever the state', () => {
    for (const bad of [state, ...adversarial]) {
      const { ctx, calls } = recordingContext();
      expect(() => render(ctx, bad, { width: 320, height: 200 })).not.toThrow();
      for (const call of calls) for (const arg of call.args) if (typeof arg === 'number') expect(Number.isFinite(arg), `${call.name}`).toBe(true);
    }
  });

  it('explains a state it cannot draw', () => {
    const { ctx, calls } = recordingContext();
    render(ctx, 7, { width: 320, height: 200 });
    const text = calls.find((c) => c.name === 'fillText');
    expect(String(text?.args[0])).toMatch(/^cannot draw: expected \[/);
  });
});
