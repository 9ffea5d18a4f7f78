import comlinkSource from 'comlink/dist/umd/comlink.min.js?raw';
import { HARNESS_SOURCE } from '../core/cwm/harness';
import { evaluatorWorkerSource } from '../workers/evaluator-source';
import { READY_MESSAGE } from './contract';
import { sandboxHost, type HostConfig } from './host';

/**
 * The sandbox document's Content Security Policy. No network at all: `default-src 'none'` covers
 * fetch, XHR, WebSocket, EventSource, images, navigation by form; scripts only inline (ours) and
 * from blob: URLs (the workers and the candidates), so `importScripts` and `import()` of any
 * address fail too (`connect-src 'none'` alone would let them through). No 'unsafe-eval'.
 */
export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:";

// Inline code must not close its <script> element early.
function inline(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * The whole sandbox document, built at runtime and given to the iframe as `srcdoc`: the CSP lives
 * in the document itself (a meta tag), so it holds on any static host, dev server or not.
 */
export function sandboxSrcdoc(options: { poolSize?: number } = {}): string {
  const config: HostConfig = {
    workerSource: evaluatorWorkerSource(HARNESS_SOURCE),
    poolSize: options.poolSize ?? 0,
    readyMessage: READY_MESSAGE,
  };
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
    '<title>CWM evaluator sandbox</title></head><body>',
    `<script>${inline(comlinkSource)}</script>`,
    `<script>(${inline(sandboxHost.toString())})(${configJson});</script>`,
    '</body></html>',
  ].join('');
}
