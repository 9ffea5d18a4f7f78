// Runs that last and travel: saving, listing, links, the scripting API and offline use.
export {
  saveRun,
  saveImported,
  listRuns,
  loadRun,
  deleteRun,
  renameRun,
  duplicateRun,
  forkRun,
  runId,
  saveCustomEnv,
  listCustomEnvs,
  deleteCustomEnv,
  onStorageProblem,
  onRunsChanged,
  storageKind,
} from './persistence';
export type { RunListItem, StoredCustomEnv } from './backend';
export { RunStore, runStore } from './store.svelte';
export { LinkOpener, linkOpener } from './opener.svelte';
export { autosaveRun } from './autosave.svelte';
export { shareUrl, settingsUrl } from './link';
export { runsApi, installRunsApi } from './api';
export { registerServiceWorker } from './service-worker';
export { ReplayDriver, REPLAY_SPEEDS } from './replay.svelte';
export { CustomEnvDraft, customPack, findCustomPack, loadCustomPacks, useCustomEnv, type CustomPack } from './custom-env.svelte';
export { continueRun } from './continue';
export { SimulatorLab } from './simulator.svelte';
