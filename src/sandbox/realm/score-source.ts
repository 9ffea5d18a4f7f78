/**
 * The scoring part of the program runner's in-realm source (see runner-source.ts). The dataset,
 * the loop and the reading of answers live here, outside the candidate's compartment: the
 * candidate only ever receives one fresh copy of a (state, action) per call, and its answer is
 * read once, element by element, into a Float64Array of plain numbers before anything compares
 * it. No function of this part is reachable from the candidate.
 *
 * Reply layout, one record of `stride = 3 + longest state` numbers per transition:
 * `[length, s0 … s(n−1) (zero padded), reward, done]`, length −1 for a scalar next state; a
 * Float64Array keeps NaN, ±Infinity and −0 exactly.
 */
export const SCORE_SOURCE = String.raw`
  // Datasets this worker has parsed, by the key the host gave them (the few most recent).
  var datasets = new Map();
  function prepare(key, inputsText) {
    var inputs = parse(inputsText), count = inputs.length, states = [], actions = [], lengths = [], longest = 1;
    for (var k = 0; k < count; k++) {
      states[k] = inputs[k][0];
      actions[k] = inputs[k][1];
      lengths[k] = isArray(states[k]) ? states[k].length : 1;
      if (lengths[k] > longest) longest = lengths[k];
    }
    datasets['delete'](key);
    datasets.set(key, { count: count, states: states, actions: actions, lengths: lengths, stride: longest + 3 });
    if (datasets.size > 4) datasets['delete'](datasets.keys().next().value);
  }

  // A fresh copy for the candidate: it may mutate what it gets without touching the dataset. The
  // copy is the frozen built-in slice, called on the runner's own arrays (parsed here or built by
  // the planner, never handed out), so nothing of the candidate's runs in it.
  var arraySlice = Array.prototype.slice, NO_ARGS = freeze([]);
  function copy(value) {
    return isArray(value) ? apply(arraySlice, value, NO_ARGS) : value;
  }

  function kind(v) {
    if (v === null) return 'null';
    if (isArray(v)) return 'an array';
    var t = typeof v;
    return t === 'object' ? 'an object' : t === 'function' ? 'a function' : t === 'symbol' ? 'a symbol' : t;
  }

  var SHAPE = '; expected [nextState, reward, done]';

  // Reads one answer into out[o …]: null when it is well formed, else the failure. Each part of
  // the answer is read exactly once, so a getter cannot show one value to a check and another to
  // the copy.
  function read(result, i, limit, width, out, o) {
    if (!isArray(result)) return failure('step() returned ' + kind(result) + ' on transition ' + i + SHAPE);
    var n = result.length;
    if (n !== 3) return failure('step() returned an array of ' + n + ' elements on transition ' + i + SHAPE);
    var next = result[0], reward = result[1], done = result[2];
    if (typeof next === 'number') { out[o] = -1; out[o + 1] = next; }
    else if (isArray(next) || isView(next)) {
      var m = next.length;
      if (typeof m !== 'number' || m > limit) return failure('step() on transition ' + i + ': the next state has ' + m + ' elements; expected ' + limit);
      out[o] = m;
      for (var j = 0; j < m; j++) {
        var x = next[j];
        if (typeof x !== 'number') return failure('step() on transition ' + i + ': element ' + j + ' of the next state is ' + kind(x) + ', not a finite number');
        out[o + 1 + j] = x;
      }
    } else return failure('step() on transition ' + i + ': the next state must be a number or an array of numbers, got ' + kind(next));
    if (typeof reward !== 'number') return failure('step() on transition ' + i + ': the reward is ' + kind(reward) + ', not a finite number');
    var flag;
    if (done === true || done === 1) flag = 1;
    else if (done === false || done === 0) flag = 0;
    else return failure('step() on transition ' + i + ': done must be a boolean (or 0/1), got ' + (typeof done === 'number' ? '' + done : kind(done)));
    out[o + width + 1] = reward;
    out[o + width + 2] = flag;
    return null;
  }

  /** Scores one candidate on a prepared dataset: { ok, data, stride, logs } or a failure. */
  function score(job) {
    var data = datasets.get(job.key);
    if (data === undefined) return failure('the evaluator lost its dataset; run the evaluation again');
    var realm = takeRealm(), result = run(realm, data, job);
    result.logs = realm.logs();
    return result;
  }

  // With job.samples = K > 1 every transition is run K times, sample k with its own seed (sample
  // 0 with the same seed as a single run), records in transition-major order.
  function run(realm, data, job) {
    var loaded = load(realm, job.program, job.file);
    if (loaded.failure) return loaded.failure;
    var samples = job.samples > 1 ? job.samples | 0 : 1;
    var env = loaded.env, stride = data.stride, width = stride - 3, out = new F64(data.count * samples * stride), seed = job.seed | 0;
    // Until it is full, the reply has no prototype: V8 stores into a typed array slowly when a
    // prototype on its chain is frozen, as lockdown() leaves every one of them.
    setProto(out, null);
    for (var i = 0; i < data.count; i++) {
      for (var k = 0; k < samples; k++) {
        var problem;
        seedRandom((seed + imul(k, 0x632BE5AB)) | 0, i);
        try {
          env.setState(copy(data.states[i]));
          problem = read(env.step(copy(data.actions[i])), i, data.lengths[i], width, out, (i * samples + k) * stride);
        } catch (e) { return describe(e, job.file, job.program, false); }
        if (problem !== null) return problem;
      }
    }
    setProto(out, F64_PROTO);
    return { ok: true, data: out, stride: stride };
  }

  // Structured worlds (boards of strings, inventories): the state is deep-copied in, and each
  // answer deep-copied out as plain JSON data, with limits on depth and size.
  var PLAIN_DEPTH = 8, PLAIN_ITEMS = 100000, STOP = freeze({}), stopped = null;
  // Leaves a deep copy with the failure; STOP is never reachable by the candidate, so a thrown
  // value equal to it is ours.
  function bail(message) { stopped = failure(message); throw STOP; }
  function deepCopy(v) {
    if (v === null || typeof v !== 'object') return v;
    var out, i;
    if (isArray(v)) { out = new Array(v.length); for (i = 0; i < v.length; i++) out[i] = deepCopy(v[i]); return out; }
    out = {};
    var keys = getOwnNames(v);
    for (i = 0; i < keys.length; i++) out[keys[i]] = deepCopy(v[keys[i]]);
    return out;
  }

  function plain(v, depth, budget, where) {
    var t = typeof v;
    if (v === null || t === 'boolean') return v;
    if (t === 'number') return v === v && v !== Infinity && v !== -Infinity ? v : null;
    if (t === 'string') return v.length > 10000 ? apply(slice, v, [0, 10000]) : v;
    if (t !== 'object') bail('step() returned ' + kind(v) + ' at ' + where + '; return plain data (strings, numbers, booleans, arrays, objects)');
    if (depth > PLAIN_DEPTH) bail('step() returned data nested deeper than ' + PLAIN_DEPTH + ' levels at ' + where);
    var i, n, out;
    if (isArray(v) || isView(v)) {
      n = v.length;
      if (typeof n !== 'number' || (budget.left -= n) < 0) bail('step() returned too much data at ' + where);
      out = [];
      for (i = 0; i < n; i++) out[i] = plain(v[i], depth + 1, budget, where + '[' + i + ']');
      return out;
    }
    var keys = getOwnNames(v);
    if ((budget.left -= keys.length) < 0) bail('step() returned too much data at ' + where);
    out = {};
    for (i = 0; i < keys.length; i++) out[keys[i]] = plain(v[keys[i]], depth + 1, budget, where + '.' + keys[i]);
    return out;
  }

  /** Runs one candidate of a structured world: { ok, text } (the answers as JSON) or a failure. */
  function scoreStructured(job) {
    var data = datasets.get(job.key);
    if (data === undefined) return failure('the evaluator lost its dataset; run the evaluation again');
    var realm = takeRealm(), result = runStructured(realm, data, job);
    result.logs = realm.logs();
    return result;
  }

  function runStructured(realm, data, job) {
    var loaded = load(realm, job.program, job.file);
    if (loaded.failure) return loaded.failure;
    var env = loaded.env, answers = [], seed = job.seed | 0;
    for (var i = 0; i < data.count; i++) {
      seedRandom(seed, i);
      try {
        env.setState(deepCopy(data.states[i]));
        answers[i] = plain(env.step(deepCopy(data.actions[i])), 0, { left: PLAIN_ITEMS }, 'transition ' + i);
      } catch (e) {
        if (e === STOP) return stopped;
        return describe(e, job.file, job.program, false);
      }
    }
    return { ok: true, text: stringify(answers) };
  }
`;
