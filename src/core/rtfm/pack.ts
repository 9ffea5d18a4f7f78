import type { EnvSpec } from '../env/types';
import type { Rng } from '../rng';
import type { RtfmAnswer, RtfmState, RtfmTransition } from './types';

/** A reference RTFM simulator: the structured contract plus a seeded reset. */
export interface RtfmSimulator {
  setState(state: RtfmState): void;
  answer(action: number): RtfmAnswer;
  current(): RtfmState;
  reset(rng: Rng): RtfmState;
}

/** The description variants a search can give the model. */
export type RtfmDescriptionVariant = 'paper' | 'hinted';

/**
 * The RTFM environment pack. It lives beside the numeric packs rather than among them: its states
 * are boards, not numbers. `spec` is what the shared search and prompt code read; its observation
 * space is an empty placeholder, since `contract` replaces the space description in prompts.
 */
export interface RtfmPack {
  spec: EnvSpec;
  descriptions: Record<RtfmDescriptionVariant, string>;
  contract: string;
  createSimulator(): RtfmSimulator;
  /** The JavaScript program of the reference simulator, as a candidate would write it. */
  referenceProgram: string;
  dataset: { id: string; label: string; attribution: string; load(): Promise<RtfmTransition[]> };
}
