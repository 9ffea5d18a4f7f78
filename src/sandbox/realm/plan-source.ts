/**
 * The planning part of the program runner's in-realm source (see runner-source.ts). A planner
 * needs thousands of model steps per action, so the model and the planner share one worker and a
 * step is a plain function call; but the planner lives outside the candidate's compartment, as
 * the scoring loop does. Every answer of the candidate is copied into fresh plain numbers before
 * the planner sees it, and the planner's own objects never reach the candidate, so a model can
 * only change the actions it is asked for, never its return, which the host computes in the real
 * environment.
 */
export const PLAN_SOURCE = String.raw`
  var session = null;

  function plainStep(result) {
    if (!isArray(result) || result.length !== 3) throw new Error('step() must return [nextState, reward, done], got ' + kind(result));
    var next = result[0], reward = result[1], done = result[2], state;
    if (typeof next === 'number') state = next;
    else if (isArray(next) || isView(next)) {
      var n = next.length;
      if (typeof n !== 'number' || n > 100000) throw new Error('step() returned a next state of unreadable length');
      state = new Array(n);
      for (var i = 0; i < n; i++) {
        var x = next[i];
        if (typeof x !== 'number') throw new Error('element ' + i + ' of the next state is ' + kind(x) + ', not a number');
        state[i] = x;
      }
    } else throw new Error('the next state must be a number or an array of numbers, got ' + kind(next));
    if (typeof reward !== 'number') throw new Error('the reward is ' + kind(reward) + ', not a number');
    if (done !== true && done !== false && done !== 0 && done !== 1) throw new Error('done must be a boolean (or 0/1)');
    return [state, reward, done === true || done === 1];
  }

  /** Loads a model and builds the planner over it: { ok } or a failure. */
  function planOpen(job) {
    session = null;
    var realm = takeRealm(), loaded = load(realm, job.program, job.file);
    if (loaded.failure) { loaded.failure.logs = realm.logs(); return loaded.failure; }
    var env = loaded.env, calls = 0, seed = job.seed | 0;
    var model = {
      setState: function (state) { seedRandom(seed, calls++); env.setState(copy(state)); },
      step: function (action) { return plainStep(env.step(copy(action))); },
    };
    var s = { realm: realm, job: job, planner: null };
    try { s.planner = plannerRuntime.createPlanner(model, parse(job.config)); } catch (e) { return describe(e, job.file, job.program, false); }
    session = s;
    return { ok: true, logs: realm.logs() };
  }

  function planCall(op, obsText) {
    var s = session;
    if (s === null) return failure('the model is not loaded');
    var reply;
    try {
      if (op === 'act') {
        var a = s.planner.act(parse(obsText));
        reply = { ok: true, action: isArray(a) ? copy(a) : a };
      } else { s.planner.reset(); reply = { ok: true }; }
    } catch (e) { reply = describe(e, s.job.file, s.job.program, false); }
    reply.logs = s.realm.logs();
    return reply;
  }
`;
