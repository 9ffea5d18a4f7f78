import type { Obs, PlannerKind, Space, StateComparison, Transition } from '../types';

function asVector(o: Obs): number[] {
  return typeof o === 'number' ? [o] : o;
}

/**
 * Infers a Gymnasium-like space from every value seen: whole numbers ≥ 0 in a single number → a
 * Discrete(max + 1); whole numbers ≥ 0 in a vector → MultiDiscrete(max + 1 per element); anything
 * else → a Box bounded by the observed minimum and maximum per element (the true bounds are unknown).
 */
export function inferSpace(values: readonly Obs[]): Space {
  const scalar = typeof values[0] === 'number';
  const width = asVector(values[0]).length;
  const low = new Array<number>(width).fill(Infinity);
  const high = new Array<number>(width).fill(-Infinity);
  let integers = true;
  for (const v of values) {
    asVector(v).forEach((x, i) => {
      low[i] = Math.min(low[i], x);
      high[i] = Math.max(high[i], x);
      if (!Number.isInteger(x) || x < 0) integers = false;
    });
  }
  if (integers && scalar) return { kind: 'discrete', n: high[0] + 1 };
  if (integers) return { kind: 'multi-discrete', nvec: high.map((h) => h + 1) };
  return { kind: 'box', shape: [width], low, high };
}

/** Observation and action spaces, state comparison and planner kind inferred from transitions. */
export function inferSpaces(transitions: readonly Transition[]): { observation: Space; action: Space; stateComparison: StateComparison; planner: PlannerKind } {
  const observation = inferSpace(transitions.flatMap((t) => [t.state, t.next_state]));
  const action = inferSpace(transitions.map((t) => t.action));
  return {
    observation,
    action,
    // Integer-valued states (grid cells, card sums) are compared exactly, as for Taxi.
    stateComparison: observation.kind === 'box' ? 'tolerant' : 'exact',
    planner: action.kind === 'box' ? 'cem' : 'mcts',
  };
}

/** A space in a few words, for the preview: "Discrete(6)", "Box(4)", "MultiDiscrete(32, 11, 2)". */
export function describeSpace(space: Space): string {
  if (space.kind === 'discrete') return `Discrete(${space.n})`;
  if (space.kind === 'multi-discrete') return `MultiDiscrete(${space.nvec.join(', ')})`;
  return `Box(${space.shape[0]})`;
}
