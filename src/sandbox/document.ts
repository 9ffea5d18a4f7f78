/**
 * The Content Security Policy of the sandbox document and, inherited, of its workers. No network
 * at all: `default-src 'none'` covers fetch, XHR, WebSocket, EventSource, images, navigation by
 * form; scripts only inline (ours) and from blob: URLs (the workers), so `importScripts` and
 * `import()` of any address fail too (`connect-src 'none'` alone would let them through).
 * `'unsafe-eval'` is there for SES: a compartment compiles a candidate with the engine's
 * evaluator, and the compiled code still reaches nothing but the compartment's own globals.
 */
export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

/**
 * The CSP of the in-page host document (browser/in-page-host.ts) and, inherited, of its workers:
 * no network and no script at all in the document itself; its workers start from a `data:` URL
 * (which gives them an opaque origin: no storage, cookies or caches) and may compile code
 * (`'unsafe-eval'`, for SES), but fetch, import and `importScripts` reach nothing.
 */
export const WORKER_HOST_CSP = "default-src 'none'; script-src 'unsafe-eval'; worker-src data:";

// Inline code must not close its <script> element early.
function inline(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The in-page host document: nothing but its CSP. The page starts workers through its `Worker`. */
export function workerHostDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${WORKER_HOST_CSP}"><title>CWM program runner host</title></head><body></body></html>`;
}

/** JSON for a config object inside an inline script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * A whole sandbox document, given to an iframe as `srcdoc`: the CSP lives in the document itself
 * (a meta tag), so it holds on any static host, dev server or not. `scripts` run in order.
 */
export function sandboxDocument(title: string, scripts: readonly string[]): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
    `<title>${title}</title></head><body>`,
    ...scripts.map((code) => `<script>${inline(code)}</script>`),
    '</body></html>',
  ].join('');
}
