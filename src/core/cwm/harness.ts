/**
 * The in-realm harness: the only code of ours that runs in the same realm as a candidate program,
 * in a browser blob worker and in a Node `vm` context alike (one source of truth).
 *
 * `HARNESS_SOURCE` is the text of a function expression. Called BEFORE the candidate loads, it
 * captures every built-in it needs, so a candidate that patches `Math`, `JSON`, `Array.prototype`,
 * `Function.prototype.call`… cannot change how results are read. It returns
 * `{ prepare, load, run, describe }`:
 * - `prepare(inputsText)` takes the transition inputs (text made by `encodeInputs`), still before
 *   the candidate loads; `load(Environment)` is called by the wrapped program (`wrapProgram`);
 * - `run(file)` instantiates the class once, then per transition calls
 *   `setState(fresh copy of s)` and `step(fresh copy of a)`, and turns each result into primitives
 *   at once (so a returned object mutated later, or a getter, cannot see the next transition);
 * - `describe(thrown, file, loading)` reports an exception thrown while the program loaded.
 * Both return one JSON string (see `HarnessReply` in run-candidate.ts). Nothing the candidate
 * returns leaves the realm as an object; the outside decodes the text and trusts none of it: the
 * candidate only ever sees inputs, so whatever it forges is merely its own prediction.
 *
 * It is a string, not a function's `.toString()`, because bundlers and `tsx` may rewrite function
 * bodies (helpers, renamed identifiers) and this text must be identical in every realm.
 */
export const HARNESS_SOURCE = String.raw`(function () {
  'use strict';
  var parse = JSON.parse, stringify = JSON.stringify, apply = Reflect.apply;
  var isArray = Array.isArray, isView = ArrayBuffer.isView, arrayOf = Array.of, ArrayCtor = Array;
  var slice = String.prototype.slice, indexOf = String.prototype.indexOf;
  // Each transition's state and action, kept as plain arrays the candidate never sees.
  var count = 0, states = [], actions = [], stateLength = [], loaded = false, Environment;

  function prepare(inputsText) {
    var inputs = parse(inputsText);
    count = inputs.length;
    for (var k = 0; k < count; k++) {
      states[k] = inputs[k][0];
      actions[k] = inputs[k][1];
      stateLength[k] = isArray(states[k]) ? states[k].length : 1;
    }
  }

  // Called by the wrapped program (see wrapProgram) with whatever it named Environment.
  function load(candidate) {
    loaded = true;
    Environment = candidate;
  }

  // A fresh copy built with Array.of, which defines elements without consulting prototypes.
  function copy(value) { return isArray(value) ? apply(arrayOf, ArrayCtor, value) : value; }

  function cut(text, max) { return text.length > max ? apply(slice, text, [0, max]) + '…' : text; }

  function quote(text) { return stringify(cut(text, 2000)); }

  function num(x) {
    if (x !== x) return '"NaN"';
    if (x === Infinity) return '"Infinity"';
    if (x === -Infinity) return '"-Infinity"';
    return x === 0 && 1 / x < 0 ? '-0' : '' + x;
  }

  function kind(v) {
    if (v === null) return 'null';
    if (isArray(v)) return 'an array';
    var t = typeof v;
    return t === 'object' ? 'an object' : t === 'function' ? 'a function' : t === 'symbol' ? 'a symbol' : t;
  }

  function failure(message, stack, file, syntax) {
    return '{"ok":false,"message":' + quote(message) + ',"stack":' + (typeof stack === 'string' ? quote(stack) : 'null') +
      ',"file":' + quote(file) + ',"syntax":' + (syntax ? 'true' : 'false') + '}';
  }

  // Reads what a candidate threw without trusting it: getters and proxies may throw (then we say
  // so); only primitive strings are kept.
  function describe(thrown, file, loading) {
    var t = typeof thrown;
    if (thrown === null || (t !== 'object' && t !== 'function')) {
      var shown = t === 'string' ? stringify(cut(thrown, 200)) : t === 'symbol' ? 'a symbol' : '' + thrown;
      return failure('the program threw a non-Error value: ' + shown + '; throw an Error instead', null, file, false);
    }
    var name, message, stack;
    try { name = thrown.name; } catch (e) { name = undefined; }
    try { message = thrown.message; } catch (e) { message = undefined; }
    try { stack = thrown.stack; } catch (e) { stack = undefined; }
    if (typeof name !== 'string') name = '';
    if (typeof message !== 'string') message = '';
    if (typeof stack !== 'string') stack = null;
    var text = name && message ? name + ': ' + message : name || message || 'the program threw an object that is not an Error; throw an Error instead';
    var syntax = loading === true && name === 'SyntaxError' && (stack === null || apply(indexOf, stack, [file + ':']) < 0);
    return failure(text, stack, file, syntax);
  }

  function bad(i, what) { return failure('step() on transition ' + i + ': ' + what, null, '', false); }

  // One prediction as JSON text ('[' first), or a failure ('{' first): reads the candidate's
  // value exactly once. Strings, not objects, so no prototype the candidate patched is consulted.
  function predictionText(i, result, file) {
    if (!isArray(result)) return failure('step() returned ' + kind(result) + ' on transition ' + i + '; expected [nextState, reward, done]', null, file, false);
    var n = result.length;
    if (n !== 3) return failure('step() returned an array of ' + n + ' elements on transition ' + i + '; expected [nextState, reward, done]', null, file, false);
    var next = result[0], reward = result[1], done = result[2], text;
    if (typeof next === 'number') text = num(next);
    else if (isArray(next) || isView(next)) {
      var m = next.length, limit = stateLength[i];
      if (typeof m !== 'number' || m > limit) return bad(i, 'the next state has ' + m + ' elements; expected ' + limit);
      text = '[';
      for (var j = 0; j < m; j++) {
        var x = next[j];
        if (typeof x !== 'number') return bad(i, 'element ' + j + ' of the next state is ' + kind(x) + ', not a finite number');
        text += (j ? ',' : '') + num(x);
      }
      text += ']';
    } else return bad(i, 'the next state must be a number or an array of numbers, got ' + kind(next));
    if (typeof reward !== 'number') return bad(i, 'the reward is ' + kind(reward) + ', not a finite number');
    var flag;
    if (done === true || done === 1) flag = 'true';
    else if (done === false || done === 0) flag = 'false';
    else return bad(i, 'done must be a boolean (or 0/1), got ' + (typeof done === 'number' ? '' + done : kind(done)));
    return '[' + text + ',' + num(reward) + ',' + flag + ']';
  }

  function run(file) {
    if (!loaded) return failure('the program did not finish loading', null, file, false);
    if (typeof Environment !== 'function') {
      return failure('the program does not define a class named Environment; define class Environment { setState(state) {…} step(action) {…} }', null, file, false);
    }
    var env, out = '';
    try { env = new Environment(); } catch (e) { return describe(e, file, false); }
    for (var i = 0; i < count; i++) {
      var result, piece;
      try {
        env.setState(copy(states[i]));
        result = env.step(copy(actions[i]));
        piece = predictionText(i, result, file);
      } catch (e) { return describe(e, file, false); }
      if (piece[0] === '{') return piece;
      out += (i ? ',' : '') + piece;
    }
    return '{"ok":true,"predictions":[' + out + ']}';
  }

  return { prepare: prepare, load: load, run: run, describe: describe };
})`;

/**
 * Built-ins handed to the candidate as enclosing-function parameters. In a Node `vm` context every
 * global lookup goes through an interceptor and is ~10× slower; a closure variable is not. The
 * browser gets the same wrapper so both run the very same text.
 */
const FAST_GLOBALS = [
  'undefined', 'NaN', 'Infinity', 'globalThis', 'Math', 'JSON', 'Array', 'Object', 'Number', 'String', 'Boolean',
  'Symbol', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array',
  'Int32Array', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Uint8ClampedArray', 'ArrayBuffer', 'DataView',
  'Error', 'TypeError', 'RangeError', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'BigInt', 'Reflect', 'Date',
  'RegExp', 'Promise',
].join(', ');

/**
 * The candidate as the script a runner loads: its own text inside a function (its top-level
 * declarations may still shadow any built-in), which hands `Environment` to the harness. The
 * prefix shares the candidate's first line, so every line number in a stack trace is the line in
 * the candidate's own source.
 */
export function wrapProgram(program: string): string {
  return (
    `__cwmHarness.load((function (${FAST_GLOBALS}) { return (function () {` +
    program +
    `\n;return typeof Environment === 'undefined' ? undefined : Environment; })(); })(${FAST_GLOBALS}));`
  );
}
