export { openBrowserModelSession } from './browser-session';
export { planSrcdoc, PLAN_CSP } from './srcdoc';
export { PlanRun, type PlanRunStatus, type EpisodeReturns } from './plan-run.svelte';
export { planOutcomeInBrowser } from './plan-outcome';
