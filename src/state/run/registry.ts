import { app } from '../app.svelte';
import { detached } from '../detached.svelte';
import type { EnvState } from '../env.svelte';
import { autosaveRun } from '../runs/autosave.svelte';
import { linkOpener } from '../runs/opener.svelte';
import { RunController } from './controller.svelte';

const controllers = new Map<EnvState, RunController>();

/**
 * The run controller of an environment, kept for the visit so a run survives navigation: it keeps
 * going (and saving after every node) while the user looks at other pages.
 */
export function runFor(env: EnvState): RunController {
  let controller = controllers.get(env);
  if (!controller) {
    controller = detached(() => {
      const created = new RunController(env);
      autosaveRun(
        () => created.record,
        undefined,
        () => created.savedId,
      );
      return created;
    });
    controllers.set(env, controller);
  }
  return controller;
}

/**
 * The run controller an environment page shows, once it has taken what the app holds for this
 * page: the settings of a `#settings=` link, and a saved run to continue (from Saved runs).
 */
export function runForPage(env: EnvState, envId: string): RunController {
  const run = runFor(env);
  const settings = linkOpener.takeSettings(envId);
  if (settings) run.useLinkSettings(settings);
  const continuation = app.takeContinuation(envId);
  if (continuation) void run.continueFrom(continuation.record, continuation.savedId);
  return run;
}
