/**
 * The health check of the program runner's in-realm source (see runner-source.ts).
 *
 * V8 keeps `slice`, `map`, `filter`, `splice` and `concat` fast through an engine-wide "species
 * protector". One array given its own `constructor` (an `Object.defineProperty` away, frozen
 * built-ins or not) switches it off for the whole worker, for good: every later candidate's
 * `slice` then runs about 30× slower (measured in Node 20), and CWMB's CartPole and Acrobot
 * programs took 9–37% longer. So after each candidate, while idle, the runner times a loop of
 * `slice` calls (the fastest of three runs, so that a pause or a busy core stretching one run does
 * not count) against what it took at boot, and asks its host for a fresh worker (or child) when
 * it stays over three times as long, and 0.2 ms more, for 12 runs more, and again after the
 * worker's next candidate. The loop takes about
 * 0.03 ms with the fast path, 2–2.6 ms without, which even a coarse clock (0.1 ms in a page that
 * is not cross-origin isolated) tells apart. (`lockdown()` itself already turns off the fast path of spreading and
 * `for … of` over arrays, so a candidate cannot slow those further.)
 */
export const HEALTH_SOURCE = String.raw`
  var PROBE = [1.5, 2.5, 3.5, 4.5], PROBE_ROUNDS = 4000, clock = performance, clockNow = clock.now, probeSink = 0;
  function probe() {
    var t0 = apply(clockNow, clock, []), n = 0;
    for (var i = 0; i < PROBE_ROUNDS; i++) n += PROBE.slice().length;
    probeSink = n; // used, so that the loop is kept
    return apply(clockNow, clock, []) - t0;
  }
  function fastestProbe(times) {
    var best = Infinity;
    for (var k = 0; k < times; k++) { var ms = probe(); if (ms < best) best = ms; }
    return best;
  }
  // The loop's time at boot, once V8 has optimized it.
  fastestProbe(10);
  var probeBase = fastestProbe(10), probeLimit = HostMath.max(3 * probeBase, probeBase + 0.2);
  // Whether a candidate left this worker burdened for the next ones (see REGISTRY_SOURCE too). A
  // slow loop counts only when the check after the next candidate finds it slow again: a lost fast
  // path never comes back, while a busy machine or V8 recompiling the loop passes.
  var slowBefore = false;
  function workerSpoiled() {
    var slow = fastPathsLost(), both = slow && slowBefore;
    slowBefore = slow;
    return registryWeight > REGISTRY_LIMIT || both;
  }
  // Whether a candidate switched V8's fast paths off in this worker. Just after a candidate, V8
  // may have dropped the loop's optimized code (its run counts as slow until V8 optimizes it
  // again, within a few runs): only a loop that stays slow for 12 more runs counts.
  function fastPathsLost() {
    if (fastestProbe(3) <= probeLimit) return false;
    for (var k = 0; k < 12; k++) if (probe() <= probeLimit) return false;
    return true;
  }
`;

/**
 * Evaluated before `lockdown()`: `Symbol.for` counting what it registers. V8 never frees a
 * registered symbol, so the registry outlives every compartment: candidates that registered 200 MB
 * of keys each made the third one on a Node child run out of memory on its own 200 MB. Past
 * `REGISTRY_LIMIT` characters of new keys (each counted 64 more) the health check has the worker
 * replaced; what one candidate registers is otherwise bounded by its own memory limit.
 */
export const REGISTRY_SOURCE = String.raw`
  var REGISTRY_LIMIT = 4000000, registryWeight = 0, registeredKeys = new Set();
  (function () {
    var symbolFor = Symbol['for'], symbolKeyFor = Symbol.keyFor;
    var counting = {
      for(key) {
        var symbol = symbolFor(key), k = symbolKeyFor(symbol);
        if (!registeredKeys.has(k)) { registeredKeys.add(k); registryWeight += k.length + 64; }
        return symbol;
      },
    };
    Object.defineProperty(Symbol, 'for', { value: counting['for'], writable: true, configurable: true });
  })();
`;
