/** R = (R_cwm − R_random) / (R_oracle − R_random), or null with the reason when undefined. */
export interface NormalizedReturn {
  returnModel: number;
  returnRandom: number;
  returnOracle: number;
  normalizedReturn: number | null;
  /** Why R is N/A, when it is. */
  reason?: string;
}

/**
 * The paper's normalized return. It is N/A where the oracle planner does no
 * better than the random policy, as the paper found for MountainCar and Acrobot: there the
 * difference says nothing about the model.
 */
export function normalizedReturn(returnModel: number, returnRandom: number, returnOracle: number): NormalizedReturn {
  const base = { returnModel, returnRandom, returnOracle };
  if (!(returnOracle > returnRandom)) {
    return {
      ...base,
      normalizedReturn: null,
      reason: `the oracle planner (mean return ${returnOracle.toFixed(2)}) does no better than random (${returnRandom.toFixed(2)}), so R is not defined`,
    };
  }
  return { ...base, normalizedReturn: (returnModel - returnRandom) / (returnOracle - returnRandom) };
}
