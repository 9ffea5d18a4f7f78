import { envIds, evaluateInBrowser } from './evaluator';

/** A method of the in-page scripting API: plain data in, plain data (or a promise of it) out. */
export type ScriptingMethod = (...args: never[]) => unknown;

/**
 * `window.cwmPlayground`, the documented in-page API for scripting and browser tests:
 * - `evaluate({ envId, program, transitions?, reward?, timeoutMs? })` → the same object
 *   `cwm eval --json` prints (score, accuracy, correct, total, bug, firstFailure, breakdown, solved);
 * - `envs()` → the ids of every environment pack.
 * Other areas add methods with `registerScriptingMethods`.
 */
export interface ScriptingApi {
  evaluate: typeof evaluateInBrowser;
  envs: typeof envIds;
  [name: string]: ScriptingMethod;
}

declare global {
  interface Window {
    cwmPlayground?: ScriptingApi;
  }
}

const methods: Record<string, ScriptingMethod> = { evaluate: evaluateInBrowser, envs: envIds };

/** Adds methods to `window.cwmPlayground` (now, and again if it is installed later). */
export function registerScriptingMethods(more: Record<string, ScriptingMethod>): void {
  Object.assign(methods, more);
  if (window.cwmPlayground) Object.assign(window.cwmPlayground, more);
}

/** Installs `window.cwmPlayground`, the documented in-page API for scripting and tests. */
export function installScriptingApi(): void {
  window.cwmPlayground = { ...methods } as ScriptingApi;
}
