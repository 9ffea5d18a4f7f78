export { PlanRun, type PlanRunStatus, type EpisodeReturns } from './plan-run.svelte';
export { planOutcomeInBrowser } from './plan-outcome';
