import { DEFAULT_SAMPLES } from './evaluate';

/** How a search scores its candidates: samples per transition, and what a node's score is. */
export interface SearchScoring {
  samples: number;
  objective: 'metric' | 'distribution';
}

/**
 * The scoring of a search. A saved run (continued or replayed) keeps the samples it recorded, and
 * one that recorded none was scored with one sample; a new search takes `requested`, else the
 * distributional score (64 samples) for stochastic worlds and the metric alone otherwise.
 */
export function searchScoring(spec: { stochastic?: boolean }, saved: { params?: Record<string, unknown> } | null | undefined, requested?: number): SearchScoring {
  const recorded = saved?.params?.samples;
  const samples = saved ? (typeof recorded === 'number' ? recorded : 1) : (requested ?? (spec.stochastic ? DEFAULT_SAMPLES : 1));
  return { samples, objective: samples > 1 ? 'distribution' : 'metric' };
}
