/** An observation exactly as recorded: a scalar for Discrete spaces, else a flat array. */
export type Obs = number | number[];
/** An action: an integer index for Discrete spaces, else a flat array of floats. */
export type Action = number | number[];

/** One recorded step `(s, a, s', r, d)`, in CWMB's field names. */
export interface Transition {
  state: Obs;
  action: Action;
  next_state: Obs;
  reward: number;
  /** The episode terminated (Gymnasium's `terminated`). */
  done: boolean;
  /** The episode was cut off by the time limit here (Gymnasium's `truncated`); never predictable. */
  truncated?: boolean;
  /** Index of the first transition of this transition's trajectory. */
  traj_start?: number;
}

/** A Gymnasium-like space. */
export type Space =
  | { kind: 'discrete'; n: number; labels?: string[] }
  | { kind: 'multi-discrete'; nvec: number[]; labels?: string[] }
  | { kind: 'box'; shape: [number]; low: number[]; high: number[]; labels?: string[] };

/** How predicted next-state elements are compared with recorded ones. */
export type StateComparison = 'exact' | 'tolerant';

/** Which planner uses a CWM of this environment. */
export type PlannerKind = 'mcts' | 'cem';

/** Everything a model, the scorer and the UI need to know about an environment. */
export interface EnvSpec {
  /** Stable id, also the folder name under `envs/`: `cartpole`, `taxi`, `frozenlake-8x8`… */
  id: string;
  title: string;
  /** Gymnasium id this reproduces, e.g. `CartPole-v1`. */
  gymId?: string;
  /**
   * The hinted description: this project's own words, with the exact constants and equations.
   * The playground protocol gives it to the model.
   */
  description: string;
  /**
   * The paper description: the Gymnasium-documentation text the paper's prompts used (spaces,
   * rewards, start and end of an episode; no constants or equations). Absent where the paper had none.
   */
  paperDescription?: string;
  observation: Space;
  action: Space;
  stateComparison: StateComparison;
  /** Gymnasium's time limit, or null where there is none. */
  episodeLimit: number | null;
  planner: PlannerKind;
  /** False for transitions-only packs (MuJoCo): search and scoring work, play and planning do not. */
  hasSimulator: boolean;
  /** True for environments of the CWMB benchmark. */
  cwmb: boolean;
  /**
   * The recorded dynamics are random (card draws, slippery ice): one sampled prediction cannot
   * match the recording reliably, so programs are scored by the distributional score by default.
   */
  stochastic?: boolean;
  /** Discrete actions get keyboard keys in Play: key → action index. */
  keys?: Record<string, number>;
}

/** The CWM program contract, as a TypeScript interface. */
export interface WorldModel {
  setState(state: Obs): void;
  step(action: Action): [Obs, number, boolean];
}

/** A reference simulator: the contract plus a seeded reset. */
export interface Simulator extends WorldModel {
  reset(rng: import('../rng').Rng): Obs;
}

/** A named dataset of a pack, loaded lazily so large files stay out of the first bundle. */
export interface DatasetSource {
  id: 'cwmb' | 'recorded' | string;
  label: string;
  /** Attribution shown beside the data, e.g. the CWMB licence line. */
  attribution?: string;
  load(): Promise<Transition[]>;
}

/** An environment pack: spec, reference simulator (if any) and datasets. Renderers live apart. */
export interface EnvPack {
  spec: EnvSpec;
  createSimulator?: () => Simulator;
  /** Datasets in preference order: the first is the default (CWMB where there is one). */
  datasets: DatasetSource[];
  /** A policy better than random, used by the recorder for half of the trajectories. */
  heuristicPolicy?: (obs: Obs, rng: import('../rng').Rng) => Action;
}
