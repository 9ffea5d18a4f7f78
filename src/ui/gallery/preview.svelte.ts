import type { EnvPack, Obs } from '../../core/env/types';
import { sampleAction } from '../../core/env/record';
import { Rng } from '../../core/rng';
import manifest from '../../../envs/manifest.json';
import { loadDataset } from '../../state/env.svelte';

/** Dataset sizes and first states written by `npm run manifest`, so the gallery loads no dataset. */
const MANIFEST = manifest as Record<string, { dataset: string; transitions: number; firstState?: Obs }>;

/** Frames between random steps of a card's preview (about 8 steps per second). */
const STEP_MS = 120;
/** A preview episode restarts after this many steps, so every card keeps moving. */
const MAX_STEPS = 150;

/**
 * The live picture on a gallery card: a few random steps of the reference simulator, or the first
 * recorded state for packs without one, and the size of its default dataset.
 */
export class CardPreview {
  obs = $state.raw<Obs | null>(null);
  count = $state<number | null>(null);
  countError = $state(false);
  private readonly pack: EnvPack;
  private readonly rng: Rng;

  constructor(pack: EnvPack, seed: number) {
    this.pack = pack;
    this.rng = Rng.seeded(seed);
    const sim = pack.createSimulator?.();
    if (sim) this.obs = sim.reset(this.rng);
    const known = MANIFEST[pack.spec.id];
    if (known && known.dataset === pack.datasets[0]?.id) {
      this.count = known.transitions;
      if (!sim && known.firstState !== undefined) this.obs = known.firstState;
    }
  }

  /**
   * Loads the default dataset to show its size (and, without a simulator, its first state); the
   * built-in packs already have both from the manifest, so this loads only for the others.
   */
  async loadCount(): Promise<void> {
    const source = this.pack.datasets[0];
    if (!source || this.count !== null) return;
    try {
      const transitions = await loadDataset(this.pack, source.id);
      this.count = transitions.length;
      if (!this.pack.createSimulator && transitions.length) this.obs = transitions[0].state;
    } catch {
      this.countError = true;
    }
  }

  /** Animates random steps until the returned cleanup runs; does nothing without a simulator. */
  animate(): () => void {
    const sim = this.pack.createSimulator?.();
    if (!sim) return () => {};
    let steps = 0;
    this.obs = sim.reset(this.rng);
    const timer = setInterval(() => {
      const [next, , done] = sim.step(sampleAction(this.pack.spec.action, this.rng));
      steps++;
      if (done || steps >= MAX_STEPS) {
        this.obs = sim.reset(this.rng);
        steps = 0;
      } else this.obs = next;
    }, STEP_MS);
    return () => clearInterval(timer);
  }
}
