import { acornExpression } from '../realm/acorn-expression';
import { WARM_DELAY_MS } from '../realm/runner-source';

/** Globals removed from every runner worker: network, storage, messaging, GPU, code loading. */
export const REMOVED_GLOBALS = [
  'fetch',
  'fetchLater',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'RTCPeerConnection',
  'RTCDataChannel',
  'BroadcastChannel',
  'importScripts',
  'indexedDB',
  'caches',
  'cookieStore',
  'Worker',
  'SharedWorker',
  'navigator',
  'location',
  'OffscreenCanvas',
  'WebGLRenderingContext',
  'WebGL2RenderingContext',
  'GPU',
  'WebAssembly',
  'requestAnimationFrame',
];

/** The texts a runner worker is made of (see `runnerWorkerSource`). */
export interface WorkerSources {
  ses: string;
  acorn: string;
  planner: string;
  runner: string;
}

/**
 * The source of one long-lived runner worker: a classic worker, started from a blob URL inside the
 * isolated host's sandbox iframe (classic, because an opaque-origin iframe cannot start module
 * workers) or evaluated by the in-page host's `data:` URL boot script (see host.ts). It loads
 * SES, builds the program runner (which calls `lockdown()`), removes the network and
 * loading globals from its own scope as defence in depth (candidates run in compartments that
 * never see this scope), and waits for the one message that hands it its port. From then on it
 * answers requests on that port, one at a time; a reply goes out from a later task, after the
 * promise jobs the candidate queued (a flood of them holds the reply back until the host's timer
 * ends the worker), and the next compartment is built `WARM_DELAY_MS` after that, while idle
 * (with the runner's health check, whose `{ op: 'spoiled' }` goes to the page).
 */
export function runnerWorkerSource(s: WorkerSources): string {
  return `${s.ses}
;(function () {
  'use strict';
  var handle = (${s.runner})(${s.planner}, ${acornExpression(s.acorn)});
  var Channel = MessageChannel, getProto = Object.getPrototypeOf, hasOwn = Object.prototype.hasOwnProperty;
  var setTimer = setTimeout;
  var tick = new Channel(), next = [];
  tick.port1.onmessage = function () { var f = next.shift(); if (f) f(); };
  function later(f) { next.push(f); tick.port2.postMessage(0); }
  self.onmessage = function (event) {
    var port = event.data && event.data.port;
    if (!port) return;
    self.onmessage = null;
    port.onmessage = function (e) {
      var reply = handle(e.data);
      if (reply === null) return;
      later(function () {
        if (reply.data) port.postMessage(reply, [reply.data.buffer]);
        else port.postMessage(reply);
        setTimer(function () { var note = handle({ op: 'warm' }); if (note) port.postMessage(note); }, ${WARM_DELAY_MS});
      });
    };
    handle({ op: 'warm' });
    // Booted (SES locked down, first compartment built): only now does a job's clock start.
    port.postMessage({ op: 'ready' });
  };
  var names = ${JSON.stringify(REMOVED_GLOBALS)};
  for (var i = 0; i < names.length; i++) {
    for (var o = self; o; o = getProto(o)) {
      if (hasOwn.call(o, names[i])) { try { delete o[names[i]]; } catch (e) {} }
    }
  }
})();
`;
}
