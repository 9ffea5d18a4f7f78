import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import 'd3-transition';
import type { ViewTransform } from '../../core/layout';

/** Far enough out to fit tens of thousands of nodes. */
export const MIN_ZOOM = 0.002;
/** Close enough in to read a glyph at projector distance. */
export const MAX_ZOOM = 8;

/**
 * The bridge between d3-zoom (which owns wheel, drag and pinch on the viewport) and the tree's
 * runes: the live transform, the transform the content was last drawn with, and whether the view
 * follows the growing tree.
 */
export class TreeZoom {
  /** The live transform, updated on every frame of a zoom or pan. */
  t: ViewTransform = $state({ k: 1, x: 0, y: 0 });
  /**
   * The transform the SVG content was last drawn with. While a zoom or pan is under way only a
   * CSS transform of the (composited) SVG layer follows `t`, so 2,000 nodes are not repainted
   * every frame; the content is redrawn once, sharp, when the gesture ends.
   */
  drawn: ViewTransform = $state({ k: 1, x: 0, y: 0 });
  /** Refit as the tree grows until the user zooms or pans by hand; "Fit" turns it back on. */
  follow = $state(true);

  #el: HTMLDivElement | null = null;
  #zoomer: ZoomBehavior<HTMLDivElement, unknown> | null = null;

  /** Lets d3-zoom drive `t` from gestures on `el`; returns the cleanup for an `$effect`. */
  attach(el: HTMLDivElement): () => void {
    const z = zoom<HTMLDivElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .on('zoom', (event) => {
        this.t = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
        // Only a gesture by hand stops the follow mode, not our own programmatic fits.
        if (event.sourceEvent) this.follow = false;
      })
      .on('end', (event) => {
        this.drawn = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
      });
    const sel = select(el);
    // Double-click selects a node; it must not also zoom.
    sel.call(z).on('dblclick.zoom', null);
    this.#el = el;
    this.#zoomer = z;
    return () => {
      sel.on('.zoom', null);
      this.#el = null;
      this.#zoomer = null;
    };
  }

  /** Moves the view to `v`, optionally with a short animation. */
  apply(v: ViewTransform, animate: boolean): void {
    if (!this.#el || !this.#zoomer) return;
    const target = zoomIdentity.translate(v.x, v.y).scale(v.k);
    const sel = select(this.#el);
    if (animate) sel.transition().duration(350).call(this.#zoomer.transform, target);
    else sel.call(this.#zoomer.transform, target);
  }

  /** Zooms about the viewport centre by `factor` (above 1 zooms in). */
  scaleBy(factor: number): void {
    if (this.#el && this.#zoomer) select(this.#el).transition().duration(200).call(this.#zoomer.scaleBy, factor);
  }
}
