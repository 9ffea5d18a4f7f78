/** One FrozenLake variant: its id, Gymnasium's fixed default map, slipperiness and time limit. */
export interface LakeVariant {
  id: string;
  title: string;
  /** Rows top to bottom: S start, F frozen, H hole, G goal. */
  map: readonly string[];
  slippery: boolean;
  episodeLimit: number;
}

/** Gymnasium 0.29.1 `MAPS["4x4"]`. */
export const MAP_4X4 = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];

/** Gymnasium 0.29.1 `MAPS["8x8"]`. */
export const MAP_8X8 = ['SFFFFFFF', 'FFFFFFFF', 'FFFHFFFF', 'FFFFFHFF', 'FFFHFFFF', 'FHHFFFHF', 'FHFFHFHF', 'FFFHFFFG'];

/** The four variants shipped: time limits 100 (4x4) and 200 (8x8) as Gymnasium registers them. */
export const VARIANTS: readonly LakeVariant[] = [
  { id: 'frozenlake-4x4', title: 'Frozen Lake 4x4', map: MAP_4X4, slippery: false, episodeLimit: 100 },
  { id: 'frozenlake-4x4-slippery', title: 'Frozen Lake 4x4 (slippery)', map: MAP_4X4, slippery: true, episodeLimit: 100 },
  { id: 'frozenlake-8x8', title: 'Frozen Lake 8x8', map: MAP_8X8, slippery: false, episodeLimit: 200 },
  { id: 'frozenlake-8x8-slippery', title: 'Frozen Lake 8x8 (slippery)', map: MAP_8X8, slippery: true, episodeLimit: 200 },
];

/** The map letter at a state index (row-major). */
export function tileAt(map: readonly string[], state: number): string {
  const size = map[0].length;
  return map[Math.floor(state / size)][state % size];
}
