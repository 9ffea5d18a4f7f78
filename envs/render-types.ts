import type { Obs } from '../src/core/env/types';

/** Drawing options: canvas size in CSS pixels and the theme. */
export interface RenderOptions {
  width: number;
  height: number;
  dark?: boolean;
}

/** Draws any state of an environment (recorded, simulated or predicted by a CWM) on a canvas. */
export type Renderer = (ctx: CanvasRenderingContext2D, state: Obs, options: RenderOptions) => void;
