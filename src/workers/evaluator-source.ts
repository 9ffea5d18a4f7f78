/**
 * The source of one evaluator worker: a classic worker started from a blob URL inside the sandbox
 * iframe (DESIGN.md section 8). It is text, not a bundled module, because it must run before and
 * beside hostile code in a realm we build by hand.
 *
 * At start it installs the shared harness (which captures built-ins), captures what it needs of
 * its own (postMessage, importScripts, setTimeout, Blob URLs), then deletes the network and
 * messaging globals along the whole prototype chain, so the candidate finds neither fetch nor a
 * way to post. It then waits, warm (optionally with the dataset's inputs already parsed), for exactly one job: loads the wrapped candidate with the
 * captured importScripts from a blob: URL (no 'unsafe-eval' needed, and stack lines are the
 * candidate's own), runs it, and posts the harness's text with the job's nonce. The sandbox
 * terminates it after that one job, so every candidate gets a fresh realm.
 */

/** Globals a candidate must not reach: network, storage, messaging, timers, navigation. */
export const REMOVED_GLOBALS = [
  'fetch', 'fetchLater', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport',
  'RTCPeerConnection', 'RTCDataChannel', 'BroadcastChannel', 'importScripts', 'indexedDB', 'caches',
  'cookieStore', 'Worker', 'SharedWorker', 'navigator', 'location', 'postMessage', 'close', 'setTimeout',
  'setInterval', 'queueMicrotask', 'requestAnimationFrame', 'onmessage',
];

/** The worker's source text around the shared harness source (see src/core/cwm/harness.ts). */
export function evaluatorWorkerSource(harnessSource: string): string {
  return `'use strict';
(function () {
  var harness = Object.freeze((${harnessSource})());
  Object.defineProperty(self, '__cwmHarness', { value: harness, writable: false, enumerable: false, configurable: false });
  var post = self.postMessage.bind(self), importer = self.importScripts.bind(self), later = self.setTimeout.bind(self);
  var createURL = URL.createObjectURL, BlobCtor = Blob, getProto = Object.getPrototypeOf, hasOwn = Object.prototype.hasOwnProperty;
  function listen(event) {
    var job = event.data;
    // While warm, the worker may be handed the inputs of the dataset in use ahead of its job, so
    // parsing them is off the critical path; a job without inputs uses those.
    if (job && job.prepare === true) { harness.prepare(job.inputs); return; }
    self.removeEventListener('message', listen);
    var url = createURL(new BlobCtor([job.program], { type: 'text/javascript' }));
    var text = null;
    if (typeof job.inputs === 'string') harness.prepare(job.inputs);
    try { importer(url); } catch (e) { text = harness.describe(e, url, true); }
    var loading = text !== null;
    if (!loading) text = harness.run(url);
    // Posted from a new task, so promise jobs the candidate queued run first, as under Node's vm.
    later(function () { post({ nonce: job.nonce, text: text, loading: loading }); }, 0);
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
