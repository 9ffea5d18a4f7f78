import { packs } from '../../envs/index';
import type { EvaluateRequest } from './evaluator';
import type { EvalResult } from '../core/cwm/types';

let evaluator: Promise<typeof import('./evaluator')> | null = null;

/**
 * Scores a program in the browser sandbox (see `evaluateInBrowser`). The runner and SES load on
 * the first call, so a page that never scores does not fetch them; later calls reuse the module
 * (a bundler's dynamic import does work of its own on every call).
 */
async function evaluate(request: EvaluateRequest): Promise<EvalResult> {
  if (!evaluator) {
    evaluator = import('./evaluator');
    evaluator.catch(() => (evaluator = null));
  }
  const { evaluateInBrowser } = await evaluator;
  return evaluateInBrowser(request);
}

/** Ids of every environment pack, in gallery order. */
function envIds(): string[] {
  return packs.map((p) => p.spec.id);
}

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
  evaluate: typeof evaluate;
  envs: typeof envIds;
  [name: string]: ScriptingMethod;
}

declare global {
  interface Window {
    cwmPlayground?: ScriptingApi;
  }
}

const methods: Record<string, ScriptingMethod> = { evaluate, envs: envIds };

/** Adds methods to `window.cwmPlayground` (now, and again if it is installed later). */
export function registerScriptingMethods(more: Record<string, ScriptingMethod>): void {
  Object.assign(methods, more);
  if (window.cwmPlayground) Object.assign(window.cwmPlayground, more);
}

/** Installs `window.cwmPlayground`, the documented in-page API for scripting and tests. */
export function installScriptingApi(): void {
  window.cwmPlayground = { ...methods } as ScriptingApi;
}
