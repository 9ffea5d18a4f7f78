// The search of an environment page: its run controller and the pure rules it follows.
export { RunController } from './controller.svelte';
export { runFor, runForPage } from './registry';
export { DEFAULT_BUDGET, type DoneReason, type RunStatus } from './status';
