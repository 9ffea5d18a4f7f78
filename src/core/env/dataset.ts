import type { Transition } from './types';

/**
 * Marks time-limit cut-offs in CWMB data: the last transition of every trajectory whose length
 * equals the episode limit gets `truncated: true`. CWMB recorded those as
 * `done`, and that stays as recorded so the score matches the paper's.
 */
export function markCutoffs(transitions: readonly Transition[], episodeLimit: number | null): Transition[] {
  const out = transitions.map((t) => ({ ...t }));
  if (episodeLimit === null) return out;
  let start = 0;
  for (let i = 0; i <= out.length; i++) {
    const boundary = i === out.length || trajectoryStart(out, i) !== trajectoryStart(out, start);
    if (!boundary) continue;
    if (i - start === episodeLimit) out[i - 1].truncated = true;
    start = i;
  }
  return out;
}

function trajectoryStart(transitions: readonly Transition[], i: number): number {
  return transitions[i].traj_start ?? 0;
}

/** A short stable hash of a dataset (FNV-1a over its JSON), stored in run records. */
export function datasetHash(transitions: readonly unknown[]): string {
  const text = JSON.stringify(transitions);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
