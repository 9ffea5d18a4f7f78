import type { Action, EnvPack, Obs, Simulator, Transition } from '../core/env/types';
import { Rng } from '../core/rng';
import { findPack } from '../../envs/index';
import { distinctRewards, filterTransitions, NO_FILTER, trajectoriesOf, type DatasetFilter } from '../ui/env/filter';

const datasets = new Map<string, Promise<Transition[]>>();

/**
 * Loads a dataset of a pack once per page: the gallery (counts), the table and the search share
 * the same array. A failed load is forgotten so that trying again fetches again.
 */
export function loadDataset(pack: EnvPack, sourceId: string): Promise<Transition[]> {
  const key = `${pack.spec.id}/${sourceId}`;
  let promise = datasets.get(key);
  if (!promise) {
    const source = pack.datasets.find((d) => d.id === sourceId);
    if (!source) return Promise.reject(new Error(`${pack.spec.title} has no dataset "${sourceId}"; pick one of: ${pack.datasets.map((d) => d.id).join(', ')}`));
    promise = source.load();
    promise.catch(() => datasets.delete(key));
    datasets.set(key, promise);
  }
  return promise;
}

/** Rows per page of the dataset table: Acrobot has 4521 transitions, a page stays readable. */
export const PAGE_SIZE = 25;

/** The state of one environment's view: description under edit, dataset choice, table filter. */
export class EnvState {
  readonly pack: EnvPack;
  /** The description the model will receive; starts as the pack's and can be edited. */
  description = $state('');
  datasetId = $state('');
  transitions = $state.raw<Transition[] | null>(null);
  datasetError = $state<string | null>(null);
  filter = $state<DatasetFilter>({ ...NO_FILTER });
  page = $state(0);
  /** Which part of the view is shown: the world (description, play), the dataset or the search. */
  tab = $state<'world' | 'data' | 'search'>('world');
  readonly play: PlayState | null;

  descriptionEdited = $derived.by(() => this.description !== this.pack.spec.description);
  rows = $derived(this.transitions ? filterTransitions(this.transitions, this.filter) : []);
  pageCount = $derived(Math.max(1, Math.ceil(this.rows.length / PAGE_SIZE)));
  pageRows = $derived(this.rows.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE));
  trajectories = $derived(this.transitions ? trajectoriesOf(this.transitions) : []);
  rewards = $derived(this.transitions ? distinctRewards(this.transitions) : []);

  constructor(pack: EnvPack) {
    this.pack = pack;
    this.description = pack.spec.description;
    this.datasetId = pack.datasets[0]?.id ?? '';
    this.play = pack.createSimulator ? new PlayState(pack, pack.createSimulator()) : null;
  }

  get spec() {
    return this.pack.spec;
  }

  resetDescription(): void {
    this.description = this.pack.spec.description;
  }

  /** Switches between CWMB and recorded data and loads it; the table filter starts over. */
  async selectDataset(id: string): Promise<void> {
    this.datasetId = id;
    this.transitions = null;
    this.datasetError = null;
    this.filter = { ...NO_FILTER };
    this.page = 0;
    try {
      const loaded = await loadDataset(this.pack, id);
      if (this.datasetId === id) this.transitions = loaded;
    } catch (e) {
      if (this.datasetId === id) this.datasetError = `Could not load the ${id} dataset of ${this.pack.spec.title}: ${(e as Error).message}. Reload the page, or choose the other dataset.`;
    }
  }

  /** Changes one filter field and goes back to the first page of results. */
  setFilter(patch: Partial<DatasetFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.page = 0;
  }
}

/** Playing the reference simulator by hand: the current state, last reward, return and steps. */
export class PlayState {
  obs = $state.raw<Obs | null>(null);
  lastReward = $state<number | null>(null);
  episodeReturn = $state(0);
  steps = $state(0);
  done = $state(false);
  /** Why the episode ended: terminated by the dynamics or cut off by the time limit. */
  endReason = $state<'terminated' | 'time limit' | null>(null);
  lastAction = $state.raw<Action | null>(null);
  episode = $state(0);
  readonly pack: EnvPack;
  private readonly sim: Simulator;
  private readonly rng = Rng.seeded(1);

  constructor(pack: EnvPack, sim: Simulator) {
    this.pack = pack;
    this.sim = sim;
    this.reset();
  }

  /** Starts a new episode from a seeded random initial state. */
  reset(): void {
    this.obs = this.sim.reset(this.rng);
    this.lastReward = null;
    this.episodeReturn = 0;
    this.steps = 0;
    this.done = false;
    this.endReason = null;
    this.lastAction = null;
    this.episode++;
  }

  /** Takes one action in the real simulator; ignored once the episode has ended. */
  act(action: Action): void {
    if (this.done) return;
    const [next, reward, done] = this.sim.step(Array.isArray(action) ? action.slice() : action);
    this.obs = next;
    this.lastReward = reward;
    this.episodeReturn += reward;
    this.steps++;
    this.lastAction = action;
    const limit = this.pack.spec.episodeLimit;
    if (done) this.endReason = 'terminated';
    else if (limit !== null && this.steps >= limit) this.endReason = 'time limit';
    this.done = this.endReason !== null;
  }
}

const states = new Map<string, EnvState>();

/** The view state of an environment, kept for the visit so edits survive going back and forth. */
export function envState(id: string): EnvState | null {
  let state = states.get(id);
  if (!state) {
    const pack = findPack(id);
    if (!pack) return null;
    state = new EnvState(pack);
    states.set(id, state);
  }
  return state;
}
