import { PLAN_GLUE_SOURCE, plannerRealmSource } from '../../core/plan/realm';
import { REMOVED_GLOBALS } from '../../workers/evaluator-source';

/**
 * The source of one planning worker: a classic worker started from a blob URL inside the planning
 * iframe (DESIGN.md sections 6 and 8). The planner runtime and the glue are installed first (the
 * glue captures the built-ins it reads answers with), then `postMessage`, `importScripts` and the
 * Blob URL maker are captured and every network, storage, messaging and timer global is deleted
 * along the prototype chain, so the candidate finds neither fetch nor a way to post.
 *
 * Messages: `{ id, op: 'start', program, config }` loads the (guarded, wrapped) candidate from a
 * blob URL and builds the planner; `{ id, op: 'act', text }` and `{ id, op: 'reset' }` call the
 * glue. Every answer is `{ id, text }`, the glue's JSON string. The iframe terminates the worker
 * when an answer is late: a model step is a plain call here, so nothing else can stop a loop.
 */
export function planWorkerSource(): string {
  return `'use strict';
(function () {
  var runtime = ${plannerRealmSource()};
  var glue = Object.freeze((${PLAN_GLUE_SOURCE})(runtime));
  Object.defineProperty(self, '__cwmHarness', { value: glue, writable: false, enumerable: false, configurable: false });
  var post = self.postMessage.bind(self), importer = self.importScripts.bind(self);
  var createURL = URL.createObjectURL, BlobCtor = Blob, getProto = Object.getPrototypeOf, hasOwn = Object.prototype.hasOwnProperty;
  var started = false;
  function listen(event) {
    var m = event.data, text;
    if (m.op === 'start' && !started) {
      started = true;
      var url = createURL(new BlobCtor([m.program], { type: 'text/javascript' }));
      try { importer(url); } catch (e) { glue.loadFailed(e); }
      text = glue.start(m.config);
    } else if (m.op === 'act') text = glue.act(m.text);
    else if (m.op === 'reset') text = glue.reset();
    else text = '{"ok":false,"message":"unknown request"}';
    post({ id: m.id, text: text });
  }
  self.addEventListener('message', listen);
  var names = ${JSON.stringify(REMOVED_GLOBALS)};
  for (var i = 0; i < names.length; i++) {
    for (var o = self; o; o = getProto(o)) {
      if (hasOwn.call(o, names[i])) { try { delete o[names[i]]; } catch (e) {} }
    }
  }
})();
`;
}
