/** A page of the app, read from and written to the URL hash so links and the back button work. */
export type Route =
  | { page: 'gallery' }
  | { page: 'env'; envId: string }
  | { page: 'runs' }
  | { page: 'run'; runId: string }
  | { page: 'custom' }
  | { page: 'bench' }
  | { page: 'tree-bench' }
  | { page: 'not-found'; hash: string };

/**
 * Reads a route from a URL hash: `#/` or empty → gallery, `#/env/<id>` → that environment.
 * Hashes that are not paths (`#run=…`, `#settings=…`, owned by sharing) show the gallery and are
 * left untouched for their own handlers.
 */
export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw.startsWith('/')) return { page: 'gallery' };
  // The tree benchmark and demo page (tests/bench/ui-tree.ts) takes its options after a '?'.
  if (raw === '/tree-bench' || raw.startsWith('/tree-bench?')) return { page: 'tree-bench' };
  const parts = raw.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { page: 'gallery' };
  if (parts[0] === 'env' && parts.length === 2 && parts[1]) return { page: 'env', envId: parts[1] };
  // Runs pages: the saved runs list, one saved run, the custom-environment editor.
  if (parts[0] === 'runs' && parts.length === 1) return { page: 'runs' };
  if (parts[0] === 'runs' && parts.length === 2 && parts[1]) return { page: 'run', runId: parts[1] };
  if (parts[0] === 'custom' && parts.length === 1) return { page: 'custom' };
  if (parts[0] === 'bench' && parts.length === 1) return { page: 'bench' };
  return { page: 'not-found', hash };
}

/** The hash that shows a route. */
export function routeHash(route: Route): string {
  if (route.page === 'env') return `#/env/${encodeURIComponent(route.envId)}`;
  if (route.page === 'runs') return '#/runs';
  if (route.page === 'run') return `#/runs/${encodeURIComponent(route.runId)}`;
  if (route.page === 'custom') return '#/custom';
  if (route.page === 'bench') return '#/bench';
  if (route.page === 'tree-bench') return '#/tree-bench';
  if (route.page === 'not-found') return route.hash;
  return '#/';
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed escape stays as typed; the page then says the id is unknown
  }
}
