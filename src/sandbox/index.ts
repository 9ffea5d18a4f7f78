export { browserRunner, createBrowserRunner } from './browser/pool';
export { openBrowserModelSession } from './browser/plan-session';
export { SANDBOX_CSP } from './document';
