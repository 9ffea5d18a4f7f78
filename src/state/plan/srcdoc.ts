import { planFrameHost, type PlanHostConfig } from './frame-host';
import { planWorkerSource } from './worker-source';

/** The one window message the planning iframe sends: it carries the port. */
export const PLAN_READY_MESSAGE = 'cwm-plan-sandbox-ready';

/**
 * The planning iframe's Content Security Policy: the evaluator sandbox's (src/sandbox/srcdoc.ts),
 * repeated here so this module loads without Vite (the bench runs it under tsx); a browser test
 * checks that the two stay equal. No network; scripts only inline and from blob: URLs.
 */
export const PLAN_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:";

function inline(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The planning iframe's whole document, given as `srcdoc`: the CSP is a meta tag inside it. */
export function planSrcdoc(): string {
  const config: PlanHostConfig = { workerSource: planWorkerSource(), readyMessage: PLAN_READY_MESSAGE };
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PLAN_CSP}">`,
    '<title>CWM planning sandbox</title></head><body>',
    // `__name`: tsx (esbuild keepNames) makes function text call this helper; harmless elsewhere.
    `<script>var __name = function (f) { return f; }; (${inline(planFrameHost.toString())})(${json});</script>`,
    '</body></html>',
  ].join('');
}
