import type { CallKind } from '../run/types';

/** Saved state of one action type's value predictor, so a resumed run continues exactly. */
export interface PredictorState {
  /** Running sum and count of every score this action type produced, priors included. */
  sum: number;
  count: number;
  wG: number;
  wL: number;
  /** SGD step counter; the learning rate is 1/n. */
  n: number;
}

/** Priors and initial weights of the value model (the paper's code). */
export interface ValueModelParams {
  priorGenerate: number;
  priorImprove: number;
  priorFix: number;
  priorCount: number;
  wG: number;
  wL: number;
}

/**
 * The learned value of an untried action of one type:
 * v = (w_G·v_G + w_L·v_L)/(w_G + w_L), with v_G the running mean of that type's scores and v_L
 * the mean value of the expanded siblings of that type (v_G when there are none).
 */
export class ValuePredictor {
  constructor(public state: PredictorState) {}

  /** A predictor with the prior mean `prior` worth `count` pseudo-observations; n = 1 + count. */
  static withPrior(prior: number, count: number, wG: number, wL: number): ValuePredictor {
    return new ValuePredictor({ sum: prior * count, count, wG, wL, n: 1 + count });
  }

  /** v_G: the running mean of every score this type produced anywhere, prior included. */
  globalValue(): number {
    return this.state.sum / this.state.count;
  }

  /** The prediction for given v_G and v_L (v_L null → v_G, as the paper's code). */
  predict(vG: number, vL: number | null): number {
    if (vL === null) return vG;
    const { wG, wL } = this.state;
    return (wG * vG + wL * vL) / (wG + wL);
  }

  /**
   * One SGD step on (prediction − target)² with learning rate 1/n, then n grows by one.
   * d pred/d w_G = (v_G − pred)/(w_G + w_L) and d pred/d w_L = (v_L − pred)/(w_G + w_L).
   * Returns the prediction made before the step.
   */
  learn(vG: number, vL: number | null, target: number): number {
    const s = this.state;
    const pred = this.predict(vG, vL);
    if (vL !== null) {
      const lr = 1 / s.n;
      const total = s.wG + s.wL;
      const g = 2 * (pred - target);
      const gradG = (g * (vG - pred)) / total;
      const gradL = (g * (vL - pred)) / total;
      s.wG -= lr * gradG;
      s.wL -= lr * gradL;
    }
    s.n += 1;
    return pred;
  }

  /** Adds a new score (0 for a bug) to the running mean. */
  observe(score: number): void {
    this.state.sum += score;
    this.state.count += 1;
  }
}

/** One value predictor per action type. */
export class ValueModel {
  constructor(readonly predictors: Record<CallKind, ValuePredictor>) {}

  /** The model before any expansion, from the priors. */
  static fromParams(p: ValueModelParams): ValueModel {
    return new ValueModel({
      generate: ValuePredictor.withPrior(p.priorGenerate, p.priorCount, p.wG, p.wL),
      improve: ValuePredictor.withPrior(p.priorImprove, p.priorCount, p.wG, p.wL),
      fix: ValuePredictor.withPrior(p.priorFix, p.priorCount, p.wG, p.wL),
    });
  }

  /** A model continuing from saved states. */
  static fromState(state: Record<CallKind, PredictorState>): ValueModel {
    return new ValueModel({
      generate: new ValuePredictor({ ...state.generate }),
      improve: new ValuePredictor({ ...state.improve }),
      fix: new ValuePredictor({ ...state.fix }),
    });
  }

  /** Plain copies of every predictor's state. */
  state(): Record<CallKind, PredictorState> {
    return {
      generate: { ...this.predictors.generate.state },
      improve: { ...this.predictors.improve.state },
      fix: { ...this.predictors.fix.state },
    };
  }
}
