/**
 * The first part of the program runner's in-realm source (see runner-source.ts): what every
 * candidate runs in. It is text, not a function's `.toString()`, because bundlers and `tsx` may
 * rewrite function bodies, and this code must be identical in a browser worker and a Node child.
 *
 * After `lockdown()` every shared built-in is frozen, so a candidate that patches `Array.prototype`
 * or `Math` changes nothing but its own compartment (and not even that: they are frozen). Each
 * candidate gets a fresh `Compartment` whose global object holds the standard built-ins plus an
 * allowlist of endowments: `Math` with `random` drawn from the run's seeded generator, and a
 * captured console capped in size. Nothing else: no timers, network, storage, workers, GPU,
 * WebAssembly, `process` or `require`.
 *
 * Names the compartment does not define must fail as in any JavaScript engine ("x is not
 * defined"): SES's own scope terminator answers `undefined` for them, so the global object's
 * prototype is a proxy, one per compartment, that throws a ReferenceError for every unknown
 * identifier, except for the few that programs commonly probe with `typeof` (`typeof module`),
 * which stay `undefined`.
 */
export const COMPARTMENT_SOURCE = String.raw`
  lockdown({ errorTaming: 'unsafe', overrideTaming: 'moderate', consoleTaming: 'unsafe', stackFiltering: 'verbose', domainTaming: 'unsafe' });
  var freeze = Object.freeze, create = Object.create, apply = Reflect.apply, isArray = Array.isArray, isView = ArrayBuffer.isView;
  var getOwnNames = Object.getOwnPropertyNames, hasOwn = Object.prototype.hasOwnProperty, setProto = Object.setPrototypeOf;
  var parse = JSON.parse, stringify = JSON.stringify, imul = Math.imul, HostMath = Math, F64 = Float64Array, F64_PROTO = F64.prototype;
  var slice = String.prototype.slice, indexOf = String.prototype.indexOf, exec = RegExp.prototype.exec;
  var Comp = Compartment, ProxyCtor = Proxy, RefError = ReferenceError, hardenAll = harden;

  function cut(text, max) { return text.length > max ? apply(slice, text, [0, max]) + '…' : text; }

  // The seeded generator behind every candidate's Math.random (mulberry32, two draws per 53-bit
  // double). One per runner, since a runner runs one candidate at a time: reseeded from (run seed,
  // call index) before every call into the candidate, so each answer is reproducible on its own.
  // The seed is applied on the first draw after it, so a program that never calls Math.random
  // pays three stores per call.
  var rngState = 0, nextSeed = 0, nextIndex = 0, reseed = false;
  function next32() {
    rngState = (rngState + 0x6D2B79F5) | 0;
    var t = imul(rngState ^ (rngState >>> 15), rngState | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  function seedRandom(seed, index) { nextSeed = seed; nextIndex = index; reseed = true; }
  function random() {
    if (reseed) { reseed = false; rngState = (nextSeed ^ imul(nextIndex + 1, 0x9E3779B1)) | 0; next32(); }
    return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  }

  // Every compartment's Math: the built-in functions with the seeded random, hardened once.
  var SEEDED_MATH = (function () {
    var names = getOwnNames(HostMath), m = {};
    for (var i = 0; i < names.length; i++) m[names[i]] = HostMath[names[i]];
    m.random = random;
    return hardenAll(m);
  })();

  // console.log and friends append to a capped list of lines that goes back with the reply.
  var LOG_LIMIT = 8192, LOG_LINES = 200;
  function makeConsole() {
    var lines = [], bytes = 0, dropped = false;
    function show(v) {
      if (typeof v === 'string') return v;
      try { return typeof v === 'object' && v !== null ? stringify(v) : '' + v; } catch (e) { return '[unprintable value]'; }
    }
    function log() {
      if (bytes >= LOG_LIMIT || lines.length >= LOG_LINES) { dropped = true; return; }
      var text = '';
      for (var i = 0; i < arguments.length; i++) text += (i ? ' ' : '') + show(arguments[i]);
      text = cut('' + text, 500);
      bytes += text.length;
      lines[lines.length] = text;
    }
    return {
      console: hardenAll({ log: log, info: log, warn: log, error: log, debug: log, trace: log }),
      take: function () { var out = lines; if (dropped) out[out.length] = '… (more console output dropped)'; lines = []; bytes = 0; dropped = false; return out; },
    };
  }

  // Names a program may probe with typeof (typeof module !== 'undefined'); they read as undefined.
  var PROBED = freeze({ Environment: 1, module: 1, exports: 1, define: 1 }), defineProp = Reflect.defineProperty;
  // The global object's prototype in one compartment, reached only by names the global object
  // lacks. An identifier lookup asks has() before get() or set(): that pair throws "name is not
  // defined". A lone get (globalThis.foo) reads undefined and a lone set (globalThis.foo = 1)
  // defines the property, as in any engine. (A name tested with "in" first is taken for an
  // identifier: the two cannot be told apart here.) One per compartment, so what a candidate
  // asked never answers the next one.
  function unknownNames() {
    var asked = null;
    function byName(name) {
      var lookup = asked === name;
      asked = null;
      if (lookup) throw new RefError(name + ' is not defined');
    }
    return hardenAll(new ProxyCtor(create(null), {
      has: function (_, name) {
        asked = typeof name === 'string' && !apply(hasOwn, PROBED, [name]) ? name : null;
        return asked !== null;
      },
      get: function (_, name) {
        byName(name);
        return undefined;
      },
      set: function (_, name, value, receiver) {
        byName(name);
        return defineProp(receiver, name, { value: value, writable: true, enumerable: true, configurable: true });
      },
    }));
  }
  var HIDDEN = ['Compartment', 'lockdown', 'harden'];

  // A fresh compartment for one candidate, with its own console.
  function freshRealm() {
    var out = makeConsole();
    var compartment = new Comp({ Math: SEEDED_MATH, console: out.console, Float32Array: Float32Array, Float64Array: F64 });
    var g = compartment.globalThis;
    for (var i = 0; i < HIDDEN.length; i++) { try { delete g[HIDDEN[i]]; } catch (e) {} }
    setProto(g, unknownNames());
    // SES builds a compartment's evaluator on its first evaluate: do it now, while idle.
    compartment.evaluate('0');
    return { compartment: compartment, values: fastValues(compartment), logs: out.take };
  }

  var spare = null;
  /** Builds the next compartment while the worker is idle. */
  function warm() { if (spare === null) spare = freshRealm(); }
  // Every candidate starts the generator afresh: what it draws while loading (top level,
  // constructor) is the same whatever the candidate before it drew.
  function takeRealm() { var r = spare || freshRealm(); spare = null; rngState = 0; reseed = false; return r; }

  // Built-ins the candidate receives as closure variables: a global lookup inside a compartment
  // goes through its scope objects and is several times slower than a closure variable.
  var FAST = ['undefined', 'NaN', 'Infinity', 'globalThis', 'Math', 'JSON', 'Array', 'Object', 'Number', 'String', 'Boolean', 'Symbol',
    'Map', 'Set', 'WeakMap', 'WeakSet', 'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array',
    'Uint16Array', 'Uint32Array', 'Uint8ClampedArray', 'ArrayBuffer', 'DataView', 'Error', 'TypeError', 'RangeError', 'parseInt',
    'parseFloat', 'isNaN', 'isFinite', 'BigInt', 'Reflect', 'Date', 'RegExp', 'Promise', 'console'];
  var FAST_PARAMS = FAST.join(', ');

  // Their values in one compartment, read from its global object before any candidate code runs
  // there (what a lookup by name would find), handed to the candidate's wrapper as arguments.
  function fastValues(compartment) {
    var g = compartment.globalThis, values = [];
    for (var i = 0; i < FAST.length; i++) values[i] = FAST[i] === 'globalThis' ? g : g[FAST[i]];
    return freeze(values);
  }

  // The candidate inside a function on its own first line, so every line number in a stack trace
  // is the line in the candidate's own source; the sourceURL names its frames. The text evaluates
  // to that function; load() calls it with the fast values.
  function wrap(program, file) {
    return '(function (' + FAST_PARAMS + ') { return (function () {' + program +
      '\n;return typeof Environment === "undefined" ? undefined : Environment; })(); })\n//# sourceURL=' + file;
  }

  function failure(message, line) {
    var f = { ok: false, message: cut('' + message, 2000) };
    if (typeof line === 'number' && line >= 1) f.line = line;
    return f;
  }

  // The 1-based line of the innermost frame of the candidate's file in a stack trace.
  var LINE_AFTER = /^(\d+)/;
  function lineInStack(stack, file) {
    if (typeof stack !== 'string') return undefined;
    var at = apply(indexOf, stack, [file + ':']);
    if (at < 0) return undefined;
    var m = apply(exec, LINE_AFTER, [apply(slice, stack, [at + file.length + 1])]);
    return m ? +m[1] : undefined;
  }

  // What SES rejects before running anything, said so that a model can act on it.
  var REJECTED = [
    [/SES_IMPORT_REJECTED/, 'the program uses import (a module import or import(…)); a world model is one self-contained script: remove the import and write the code inline (hardened JavaScript also rejects the word import followed by "(" in comments and strings)'],
    [/SES_EVAL_REJECTED/, 'the program calls eval(…); a world model may not run code from strings: write the code directly (hardened JavaScript also rejects "eval(" in comments and strings)'],
    [/SES_HTML_COMMENT_REJECTED/, 'the program contains "<!--" or "-->"; hardened JavaScript rejects HTML-like comments, even inside comments and strings: remove them'],
  ];
  var SES_LINE = /at [^:\n]*:(\d+)/;

  // The line of a syntax error: V8 does not report it for code compiled by eval, so the program
  // is parsed once more, outside any compartment and without running it, by acorn.
  function syntaxLine(program) {
    if (!parser) return undefined;
    try { parser.parse(program, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: false }); }
    catch (e) { return e && e.loc && typeof e.loc.line === 'number' ? e.loc.line : undefined; }
    return undefined;
  }

  // Reads what a candidate threw without trusting it: getters and proxies may throw (then we say
  // so); only primitive strings are kept. Loading errors with no frame of the candidate's file are
  // the engine's or SES's syntax errors.
  function describe(thrown, file, program, loading) {
    var t = typeof thrown;
    if (thrown === null || (t !== 'object' && t !== 'function')) {
      var shown = t === 'string' ? stringify(cut(thrown, 200)) : t === 'symbol' ? 'a symbol' : '' + thrown;
      return failure('the program threw a non-Error value: ' + shown + '; throw an Error instead');
    }
    var name, message, stack;
    try { name = thrown.name; } catch (e) { name = undefined; }
    try { message = thrown.message; } catch (e) { message = undefined; }
    try { stack = thrown.stack; } catch (e) { stack = undefined; }
    if (typeof name !== 'string') name = '';
    if (typeof message !== 'string') message = '';
    if (loading && name === 'SyntaxError') {
      for (var i = 0; i < REJECTED.length; i++) {
        if (apply(exec, REJECTED[i][0], [message])) {
          var at = apply(exec, SES_LINE, [message]);
          return failure('SyntaxError: ' + REJECTED[i][1], at ? +at[1] : undefined);
        }
      }
    }
    var line = lineInStack(stack, file);
    if (loading && line === undefined && name === 'SyntaxError') return failure('SyntaxError: ' + message, syntaxLine(program));
    var text = name && message ? name + ': ' + message : name || message || 'the program threw an object that is not an Error; throw an Error instead';
    return failure(text, line);
  }

  var NO_CLASS = 'the program does not define a class named Environment; define class Environment { setState(state) {…} step(action) {…} }';

  // Evaluates the candidate in the realm: its Environment class, or the failure.
  function load(realm, program, file) {
    var wrapper, Env;
    try { wrapper = realm.compartment.evaluate(wrap(program, file)); } catch (e) { return { failure: describe(e, file, program, true) }; }
    // A program that closes the wrapper early may leave anything here: it is the candidate's own.
    if (typeof wrapper !== 'function') return { failure: failure(NO_CLASS) };
    try { Env = apply(wrapper, undefined, realm.values); } catch (e) { return { failure: describe(e, file, program, true) }; }
    if (typeof Env !== 'function') return { failure: failure(NO_CLASS) };
    var env;
    try { env = new Env(); } catch (e) { return { failure: describe(e, file, program, false) }; }
    return { env: env };
  }
`;
