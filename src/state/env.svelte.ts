import type { Action, EnvPack, EnvSpec, Obs, Simulator, Transition } from '../core/env/types';
import type { CustomEnv } from '../core/run/types';
import { datasetHash } from '../core/env/dataset';
import { Rng } from '../core/rng';
import { defaultVariant, descriptionText, descriptionVariants, type DescriptionVariant, type RecordedDescription } from '../core/protocol';
import { findPack } from '../../envs/index';
import { findCustomPack, loadCustomPacks, type CustomPack } from './runs/custom-env.svelte';
import { detached } from './detached.svelte';
import { distinctRewards, filterTransitions, NO_FILTER, trajectoriesOf, type DatasetFilter } from '../core/env/filter';

/**
 * Loads a dataset of a pack. Built-in datasets load once per page (envs/datasets.ts), so the
 * gallery (counts), the table and the search share the same array.
 */
export function loadDataset(pack: EnvPack, sourceId: string): Promise<Transition[]> {
  const source = pack.datasets.find((d) => d.id === sourceId);
  if (!source) return Promise.reject(new Error(`${pack.spec.title} has no dataset "${sourceId}"; pick one of: ${pack.datasets.map((d) => d.id).join(', ')}`));
  return source.load();
}

/** Rows per page of the dataset table: Acrobot has 4521 transitions, a page stays readable. */
export const PAGE_SIZE = 25;

/** The state of one environment's view: description under edit, dataset choice, table filter. */
export class EnvState {
  /** The pack shown; a custom environment still loading from storage gets its real pack later. */
  pack: EnvPack;
  /** The user's own environment, carried by every run record made on it; null for packs. */
  custom = $state.raw<CustomEnv | null>(null);
  /** Set when a custom environment is not saved in this browser: what to do instead. */
  missing = $state<string | null>(null);
  /**
   * Which description the model reads: the paper's (Gymnasium documentation, the default where the
   * paper had one) or the hinted one (exact constants and equations).
   */
  variant = $state<DescriptionVariant>('hinted');
  /** The description the model will receive; starts as the variant's text and can be edited. */
  description = $state('');
  datasetId = $state('');
  transitions = $state.raw<Transition[] | null>(null);
  datasetError = $state<string | null>(null);
  filter = $state<DatasetFilter>({ ...NO_FILTER });
  page = $state(0);
  /** Which part of the view is shown: the world (description, play), the dataset or the search. */
  tab = $state<'world' | 'data' | 'search'>('world');
  readonly play: PlayState | null;

  /** The unedited text of the chosen variant (a custom environment has only its own). */
  variantText = $derived.by(() => (this.custom ? this.pack.spec.description : descriptionText(this.pack.spec, this.variant)));
  descriptionEdited = $derived.by(() => this.description !== this.variantText);
  /** What a run record says about the description. */
  recordedVariant = $derived.by((): RecordedDescription => (this.custom ? 'custom' : this.variant));
  /** The variants this environment offers. */
  variants = $derived.by((): DescriptionVariant[] => (this.custom ? ['hinted'] : descriptionVariants(this.pack.spec)));
  rows = $derived(this.transitions ? filterTransitions(this.transitions, this.filter) : []);
  pageCount = $derived(Math.max(1, Math.ceil(this.rows.length / PAGE_SIZE)));
  pageRows = $derived(this.rows.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE));
  trajectories = $derived(this.transitions ? trajectoriesOf(this.transitions) : []);
  rewards = $derived(this.transitions ? distinctRewards(this.transitions) : []);

  constructor(pack: EnvPack) {
    this.pack = $state.raw(pack);
    this.custom = (pack as Partial<CustomPack>).custom ?? null;
    this.variant = this.custom ? 'hinted' : defaultVariant(pack.spec, 'paper');
    this.description = this.custom ? pack.spec.description : descriptionText(pack.spec, this.variant);
    this.datasetId = pack.datasets[0]?.id ?? '';
    // Custom simulators are untrusted code: they run in the sandbox on the custom page, not here.
    this.play = pack.createSimulator ? new PlayState(pack, pack.createSimulator()) : null;
  }

  /** Takes the real pack of a custom environment once it has loaded from storage. */
  adopt(pack: CustomPack): void {
    this.pack = pack;
    this.custom = pack.custom;
    this.variant = 'hinted';
    this.description = pack.spec.description;
  }

  get spec() {
    return this.pack.spec;
  }

  resetDescription(): void {
    this.description = this.variantText;
  }

  /**
   * Switches the description variant; the text becomes that variant's (an edit of the other one is
   * dropped). A variant the environment lacks falls back to the hinted text.
   */
  setVariant(variant: DescriptionVariant): void {
    const next = this.custom || !this.variants.includes(variant) ? 'hinted' : variant;
    if (next === this.variant && this.description === this.variantText) return;
    this.variant = next;
    this.description = this.variantText;
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
      if (this.datasetId === id)
        this.datasetError = this.missing ?? `Could not load the ${id} dataset of ${this.pack.spec.title}: ${(e as Error).message}. Reload the page, or choose the other dataset.`;
    }
  }

  /**
   * Selects the dataset a saved run was scored on (the one whose hash is `hash`, trying `preferred`
   * first) and resolves to its transitions, or null when none of this environment's datasets match.
   */
  async selectMatching(hash: string, preferred?: string): Promise<Transition[] | null> {
    const ids = [preferred, this.datasetId, ...this.pack.datasets.map((d) => d.id)].filter((id, i, all): id is string => !!id && all.indexOf(id) === i && this.pack.datasets.some((d) => d.id === id));
    for (const id of ids) {
      if (this.datasetId !== id || !this.transitions) await this.selectDataset(id);
      if (this.transitions && datasetHash(this.transitions) === hash) return this.transitions;
    }
    return null;
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

/**
 * The view state of an environment, kept for the visit so edits survive going back and forth.
 * Built-in packs first, then the user's own environments (`custom:<slug>`): one saved again with
 * other transitions gets a fresh state. After a reload the saved environments are still in
 * IndexedDB, so a custom id starts as a placeholder that takes its pack once it has loaded.
 */
export function envState(id: string): EnvState | null {
  let state = states.get(id);
  const pack = findPack(id);
  if (pack) {
    if (!state) states.set(id, (state = detached(() => new EnvState(pack))));
    return state;
  }
  if (!id.startsWith('custom:')) return null;
  const custom = findCustomPack(id);
  if (custom && state?.pack !== custom) states.set(id, (state = detached(() => new EnvState(custom))));
  if (!state) states.set(id, (state = detached(() => loadingCustomState(id))));
  return state;
}

/** The state of a custom environment not in memory yet: a placeholder until storage answers. */
function loadingCustomState(id: string): EnvState {
  let ready: (pack: CustomPack) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const loaded = new Promise<CustomPack>((resolve, reject) => ((ready = resolve), (fail = reject)));
  loaded.catch(() => {}); // the view shows `missing`; nobody else needs to hear about it
  const spec: EnvSpec = {
    id,
    title: id.slice('custom:'.length),
    description: '',
    observation: { kind: 'discrete', n: 1 },
    action: { kind: 'discrete', n: 1 },
    stateComparison: 'exact',
    episodeLimit: null,
    planner: 'mcts',
    hasSimulator: false,
    cwmb: false,
  };
  const state = new EnvState({ spec, datasets: [{ id: 'custom', label: 'Your transitions', load: async () => (await loaded).custom.transitions }] });
  loadCustomPacks()
    .then(() => {
      const pack = findCustomPack(id);
      if (!pack) throw new Error(`There is no custom environment "${id}" saved in this browser. Create it on the "Your own environment" page (#/custom), or open a run link or file made on it.`);
      state.adopt(pack);
      ready(pack);
    })
    .catch((e: Error) => {
      state.missing = e.message;
      fail(e);
    });
  return state;
}
