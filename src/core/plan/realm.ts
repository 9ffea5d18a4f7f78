import { plannerRuntimeSource } from './runtime';

/**
 * Built-ins the planner runtime receives as parameters. In a Node `vm` context every global
 * lookup goes through an interceptor and is ~10× slower; a closure variable is not (the same
 * trick as `wrapProgram` in src/core/cwm/harness.ts).
 */
const FAST_GLOBALS = ['Math', 'Array', 'Object', 'Number', 'Boolean', 'Infinity', 'NaN', 'undefined'].join(', ');

/**
 * JavaScript source that evaluates, in a candidate's realm, to the planner runtime
 * (`{ createPlanner, … }`) with its built-ins bound as closure variables.
 */
export function plannerRealmSource(): string {
  return `(function (${FAST_GLOBALS}) { return ${plannerRuntimeSource()}; })(${FAST_GLOBALS})`;
}

/**
 * The glue between a planning realm and the outside, as the text of a function expression
 * `(runtime) => { load, loadFailed, start, act, reset }`. It runs BEFORE the candidate loads and
 * captures every built-in it needs, so a candidate that patches `JSON`, `Array` or prototypes
 * cannot change how its answers are read. Every method returns one JSON string:
 * `{"ok":true[,"action":…]}` or `{"ok":false,"message":"…"}`. Only strings leave the realm;
 * the outside parses them and trusts none of it (see `checkAction`).
 *
 * - `load(Environment)` is what the wrapped candidate calls (`wrapProgram` names it
 *   `__cwmHarness.load`); `loadFailed(e)` records an exception thrown while the program loaded;
 * - `start(configText)` instantiates the class once and builds the planner over it;
 * - `act(obsText)` plans from a real observation; `reset()` drops an open-loop plan.
 *
 * A string rather than a function's `.toString()`, so bundlers cannot rewrite it.
 */
export const PLAN_GLUE_SOURCE = String.raw`(function (runtime) {
  'use strict';
  var parse = JSON.parse, stringify = JSON.stringify, isArray = Array.isArray, createPlanner = runtime.createPlanner;
  var Environment, loaded = false, loadError = null, planner = null;

  function fail(message) { return '{"ok":false,"message":' + stringify('' + message) + '}'; }

  // Reads what a candidate threw without trusting it: getters may throw, only strings are kept.
  function describe(thrown) {
    var t = typeof thrown;
    if (thrown === null || (t !== 'object' && t !== 'function')) {
      return 'the program threw a non-Error value (' + (t === 'string' ? thrown : t) + '); throw an Error instead';
    }
    var name, message;
    try { name = thrown.name; } catch (e) { name = undefined; }
    try { message = thrown.message; } catch (e) { message = undefined; }
    if (typeof name !== 'string') name = '';
    if (typeof message !== 'string') message = '';
    return name && message ? name + ': ' + message : name || message || 'the program threw an object that is not an Error';
  }

  function num(x) { return typeof x === 'number' && x === x && x !== Infinity && x !== -Infinity ? '' + x : null; }

  function load(candidate) { loaded = true; Environment = candidate; }

  function loadFailed(thrown) { loadError = describe(thrown); }

  function start(configText) {
    if (loadError !== null) return fail(loadError);
    if (!loaded) return fail('the program did not finish loading');
    if (typeof Environment !== 'function') {
      return fail('the program does not define a class named Environment; define class Environment { setState(state) {…} step(action) {…} }');
    }
    try { planner = createPlanner(new Environment(), parse(configText)); } catch (e) { return fail(describe(e)); }
    return '{"ok":true}';
  }

  function act(obsText) {
    if (planner === null) return fail('the model is not loaded');
    var a;
    try { a = planner.act(parse(obsText)); } catch (e) { return fail(describe(e)); }
    var text = num(a);
    if (text === null && isArray(a)) {
      text = '[';
      for (var i = 0, n = a.length; i < n; i++) {
        var x = num(a[i]);
        if (x === null) return fail('the planner produced a non-finite action element; check what step() returns as the reward');
        text += (i ? ',' : '') + x;
      }
      text += ']';
    }
    if (text === null) return fail('the planner produced an unreadable action; check what step() returns as the reward');
    return '{"ok":true,"action":' + text + '}';
  }

  function reset() {
    if (planner === null) return fail('the model is not loaded');
    try { planner.reset(); } catch (e) { return fail(describe(e)); }
    return '{"ok":true}';
  }

  return { load: load, loadFailed: loadFailed, start: start, act: act, reset: reset };
})`;

/**
 * The candidate as the script a planning realm loads: `wrapProgram`'s text inside a try on the
 * same first line (so stack lines stay the candidate's own), handing a load-time exception to
 * the glue instead of letting a hostile object out of the realm.
 */
export function guardProgram(wrapped: string): string {
  return `try { ${wrapped}\n} catch (e) { __cwmHarness.loadFailed(e); }`;
}

/** One answer of the glue, parsed outside the realm; `action` is still unchecked. */
export type GlueReply = { ok: true; action?: unknown } | { ok: false; message: string };

/** Parses a glue reply; anything else means the realm was tampered with. */
export function parseGlueReply(text: unknown): GlueReply {
  if (typeof text === 'string') {
    try {
      const value = JSON.parse(text) as { ok?: unknown; action?: unknown; message?: unknown };
      if (value && value.ok === true) return { ok: true, action: value.action };
      if (value && value.ok === false && typeof value.message === 'string') return { ok: false, message: value.message.slice(0, 2000) };
    } catch {
      // fall through: malformed
    }
  }
  return { ok: false, message: 'the planning worker returned a malformed answer (did the program tamper with its worker?)' };
}

/** An observation as the JSON text `act` parses; −0 kept, as atan2 cares. */
export function encodeObs(obs: number | number[]): string {
  const one = (x: number) => (Object.is(x, -0) ? '-0' : Number.isFinite(x) ? String(x) : 'null');
  return Array.isArray(obs) ? `[${obs.map(one).join(',')}]` : one(obs);
}
