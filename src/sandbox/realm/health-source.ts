/**
 * The health check of the program runner's in-realm source (see runner-source.ts): whether a
 * candidate left something in the engine that would burden the candidates after it in the same
 * worker (or child). The host then replaces the worker.
 *
 * V8 keeps `slice`, `map`, `filter`, `splice` and `concat` fast through an engine-wide "species
 * protector". One array given its own `constructor` (an `Object.defineProperty` away, frozen
 * built-ins or not) switches it off for the whole worker, for good: every later candidate's
 * `slice` then runs about 30× slower (measured in Node 20), and CWMB's CartPole and Acrobot
 * programs took 9–37% longer. So after each candidate, while idle, the runner times 1,000
 * `slice` calls, the fastest of three runs: 0.01–0.07 ms with the fast path, 0.55–1.1 ms
 * without. Only when that is over three times its time at boot, and 0.2 ms more, does it look
 * closer: ten rounds of 4,000 `slice` calls against a loop that copies the same array by hand,
 * and the fast path counts as lost when the fastest `slice` round is over three times the
 * fastest copy round, and 0.5 ms more. A busy machine, a pause, or V8 running the loops in a
 * lower tier for a while after a candidate slows both alike or only some rounds. Measured with
 * this code in plain Node, six runs (idle, under three CPU hogs on 2 cores, `--no-opt`,
 * `--jitless`): 300 checks with the fast path each, no trip; 20 checks without it each, 20
 * trips. (`lockdown()` itself already turns off the fast paths of spreading and `for … of` over
 * arrays, so a candidate cannot slow those further.)
 *
 * The other thing a candidate can leave is the `Symbol.for` registry: see REGISTRY_SOURCE.
 */
export const HEALTH_SOURCE = String.raw`
  // Both loops keep what they make (in a ring of 8), so that V8 cannot optimize an allocation
  // away. The check after each candidate runs the short loop (1,000 calls, so that it leaves little
  // garbage for V8 to collect during the next candidate); only a slow one leads to the long ones.
  var PROBE = [1.5, 2.5, 3.5, 4.5], SHORT = 1000, LONG = 4000, clock = performance, clockNow = clock.now, kept = [];
  function sliceLoop(rounds) {
    for (var i = 0; i < rounds; i++) kept[i & 7] = PROBE.slice();
  }
  function copyLoop(rounds) {
    var p = PROBE;
    for (var i = 0; i < rounds; i++) kept[i & 7] = [p[0], p[1], p[2], p[3]];
  }
  function timed(loop, rounds) {
    var t0 = apply(clockNow, clock, []);
    loop(rounds);
    return apply(clockNow, clock, []) - t0;
  }
  function fastestSlice(times) {
    var best = Infinity;
    for (var k = 0; k < times; k++) { var ms = timed(sliceLoop, SHORT); if (ms < best) best = ms; }
    return best;
  }
  // The short loop's time at boot, once V8 has optimized both loops.
  for (var warmRound = 0; warmRound < 10; warmRound++) { sliceLoop(LONG); copyLoop(LONG); }
  var sliceBase = fastestSlice(10), sliceLimit = HostMath.max(3 * sliceBase, sliceBase + 0.2);

  // Whether a candidate switched V8's fast path for slice off in this worker.
  function fastPathLost() {
    if (fastestSlice(3) <= sliceLimit) return false;
    var slice = Infinity, copy = Infinity;
    for (var k = 0; k < 10; k++) {
      var s = timed(sliceLoop, LONG), c = timed(copyLoop, LONG);
      if (s < slice) slice = s;
      if (c < copy) copy = c;
    }
    return slice > 3 * copy + 0.5;
  }

  // Whether a candidate left this worker burdened for the next ones.
  function workerSpoiled() {
    return registryWeight > REGISTRY_LIMIT || fastPathLost();
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
