import { sandboxDocument, scriptJson, SANDBOX_CSP } from '../../sandbox/document';
import { planFrameHost, type PlanHostConfig } from './frame-host';
import { planWorkerSource } from './worker-source';

/** The one window message the planning iframe sends: it carries the port. */
export const PLAN_READY_MESSAGE = 'cwm-plan-sandbox-ready';

/** The planning iframe's CSP: the very same as the evaluator sandbox's. */
export const PLAN_CSP = SANDBOX_CSP;

/** The planning iframe's whole document, given as `srcdoc`: the CSP is a meta tag inside it. */
export function planSrcdoc(): string {
  const config: PlanHostConfig = { workerSource: planWorkerSource(), readyMessage: PLAN_READY_MESSAGE };
  // `__name`: tsx (esbuild keepNames) makes function text call this helper; harmless elsewhere.
  return sandboxDocument('CWM planning sandbox', [`var __name = function (f) { return f; }; (${planFrameHost.toString()})(${scriptJson(config)});`]);
}
