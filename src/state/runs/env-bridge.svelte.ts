import type { RunRecord } from '../../core/run/types';
import { app } from '../app.svelte';
import { envState, type EnvState } from '../env.svelte';
import { autosaveRun } from './autosave.svelte';
import { useCustomEnv } from './custom-env.svelte';
import { linkOpener } from './opener.svelte';

/** What this bridge needs from the run controller (`src/state/run.svelte.ts`). */
interface Controller {
  record: RunRecord | null;
  budget: number;
  seed: number;
  params: Record<string, number>;
  setStrategy(id: RunRecord['strategy']): void;
  setProtocol(id: NonNullable<RunRecord['protocol']>): void;
  /** The saved run the controller continues, so autosave writes there. */
  savedId: string | null;
  /** Continues a saved run, paused, from its record. */
  continueFrom(record: RunRecord, savedId?: string): Promise<void> | void;
}

/** A saved run (and its storage id) waiting to be continued in its environment's view. */
let pendingContinue: { record: RunRecord; id?: string } | null = null;
const watched = new WeakSet<object>();

/**
 * Asks the environment view of `record.env.id` to continue `record`, then opens that view. `id` is
 * the saved entry it came from: the continued run keeps saving there. A custom environment comes
 * from the record itself, so a run from a file or link continues even where it was never saved.
 */
export function continueRun(record: RunRecord, id?: string): void {
  if (record.env.custom) useCustomEnv(record.env.id, record.env.custom);
  pendingContinue = { record, id };
  app.go({ page: 'env', envId: record.env.id });
}

function attach(env: EnvState, run: Controller, envId: string): void {
  // Autosave once per controller for the whole visit: a run keeps going (and saving) while the
  // user looks at other pages, because the controller outlives its view.
  if (!watched.has(run)) {
    watched.add(run);
    autosaveRun(
      () => run.record,
      undefined,
      () => run.savedId,
    );
  }
  const settings = linkOpener.takeSettings(envId);
  if (settings) {
    run.setStrategy(settings.strategy);
    if (settings.protocol) run.setProtocol(settings.protocol);
    if (settings.description) env.setVariant(settings.description);
    run.budget = settings.budget;
    run.seed = settings.seed;
    run.params = { ...run.params, ...settings.params };
    if (settings.dataset && settings.dataset !== env.datasetId) void env.selectDataset(settings.dataset);
  }
  if (pendingContinue?.record.env.id === envId) {
    const { record, id } = pendingContinue;
    pendingContinue = null;
    void run.continueFrom(record, id);
  }
}

/**
 * Connects the runs area to the environment view without either importing the other: whenever an
 * environment page is shown, its run controller is autosaved after every node, gets the settings
 * of a `#settings=` link, and continues a saved run when asked. The controller module is loaded
 * lazily, as the app does, so the first page stays light. Returns the cleanup.
 */
export function bridgeEnvView(): () => void {
  return $effect.root(() => {
    $effect(() => {
      const route = app.route;
      if (route.page !== 'env') return;
      const env = envState(route.envId);
      if (!env) return;
      let live = true;
      void import('../run.svelte').then(({ runFor }) => {
        if (live) attach(env, runFor(env) as unknown as Controller, route.envId);
      });
      return () => {
        live = false;
      };
    });
  });
}
