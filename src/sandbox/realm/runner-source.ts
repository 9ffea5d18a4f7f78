import { COMPARTMENT_SOURCE } from './compartment-source';
import { HEALTH_SOURCE, REGISTRY_SOURCE } from './health-source';
import { PLAN_SOURCE } from './plan-source';
import { SCORE_SOURCE } from './score-source';

/**
 * How long a runner waits after a reply before it builds the next compartment. Built at once, the
 * compartment competes for the CPU with the reply's delivery and the host's scoring of it (a
 * quarter of a millisecond on a CartPole candidate, measured on 2 cores); a job that arrives
 * sooner builds its own.
 */
export const WARM_DELAY_MS = 2;

/**
 * The program runner as one piece of JavaScript text: a function expression
 * `(plannerRuntime, parser) => handle(message) → reply`, evaluated once per long-lived worker
 * (browser) or child process (Node) after `ses` is loaded and before any candidate arrives. It
 * calls `lockdown()`, then answers one message at a time:
 *
 * - `{ op: 'prepare', key, inputs }` parses a dataset's inputs (`encodeInputs` text) under `key`;
 *   no reply;
 * - `{ op: 'score', id, key, program, file, seed }` runs a new candidate in a fresh compartment on
 *   every transition of dataset `key` → `{ id, ok: true, data: Float64Array, stride, logs }` or
 *   `{ id, ok: false, message, line?, logs }`;
 * - `{ op: 'score-structured', … }` the same for structured worlds → `{ id, ok: true, text }`;
 * - `{ op: 'plan-open', id, program, file, config, seed }`, `{ op: 'act', id, obs }`,
 *   `{ op: 'reset', id }` hold one model and its planner → `{ id, ok: true, action? }` or a failure;
 * - `{ op: 'warm' }` builds the next compartment while idle; no reply, or `{ op: 'spoiled' }` when
 *   a candidate since the last one switched off V8's fast paths in this worker or grew its
 *   `Symbol.for` registry past a limit (see health-source.ts): the host then replaces it.
 *
 * `plannerRuntime` is `{ createPlanner }` (see src/core/plan/runtime.ts) and `parser` is acorn,
 * used only to name the line of a syntax error.
 */
export const RUNNER_SOURCE = `(function (plannerRuntime, parser) {
  'use strict';
${REGISTRY_SOURCE}
${COMPARTMENT_SOURCE}
${SCORE_SOURCE}
${PLAN_SOURCE}
${HEALTH_SOURCE}
  var ranCandidate = false;
  return function handle(m) {
    var reply;
    switch (m.op) {
      case 'prepare': prepare(m.key, m.inputs); return null;
      case 'warm':
        warm();
        if (!ranCandidate) return null;
        ranCandidate = false;
        return workerSpoiled() ? { op: 'spoiled' } : null;
      case 'score': reply = score(m); break;
      case 'score-structured': reply = scoreStructured(m); break;
      case 'plan-open': reply = planOpen(m); break;
      case 'act': case 'reset': reply = planCall(m.op, m.obs); break;
      default: reply = failure('unknown request ' + String(m.op));
    }
    ranCandidate = true;
    reply.id = m.id;
    return reply;
  };
})`;
