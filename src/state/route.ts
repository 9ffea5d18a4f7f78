// The URL hash as a schema with two pure codecs: `parseRoute` reads any hash into a typed Route
// (never throwing) and `routeHash` writes one back. The app state is the only code that touches
// `location`; everything else navigates with these typed routes.
import { parseHash, runHash, settingsHash } from '../core/run/hash';

/** A shared link in the hash: a whole run (`#run=…`) or run settings (`#settings=…`). */
export interface SharedLink {
  kind: 'run' | 'settings';
  /** The encoded payload after `run=` or `settings=`, as it stands in the URL. */
  payload: string;
}

/** A page of the app, read from and written to the URL hash so links and the back button work. */
export type Route =
  /** The environment gallery; a shared link shows it while the link opens (or says what is wrong). */
  | { page: 'gallery'; link?: SharedLink }
  | { page: 'env'; envId: string }
  | { page: 'runs' }
  | { page: 'run'; runId: string }
  | { page: 'custom' }
  | { page: 'bench' }
  /** The tree benchmark and demo page; `query` is what follows its `?` (`n=2000`, `demo=cartpole`). */
  | { page: 'tree-bench'; query: string }
  /** A path the app has no page for; `hash` is what the user typed, shown back to them. */
  | { page: 'not-found'; hash: string };

const TREE_BENCH = '/tree-bench';

/**
 * Reads a route from a URL hash (with or without the `#`): `#/` or empty → gallery, `#/env/<id>` →
 * that environment, `#run=…` and `#settings=…` → the gallery with the link to open. Anything else
 * that is not a path also shows the gallery; a path the app does not know is `not-found`. Never
 * throws: a malformed escape in an id is kept as typed, so the page says the id is unknown.
 */
export function parseRoute(hash: string): Route {
  const intent = parseHash(hash);
  if (intent.kind === 'run' || intent.kind === 'settings') return { page: 'gallery', link: { kind: intent.kind, payload: intent.payload } };
  const raw = intent.kind === 'route' ? intent.route : '';
  if (!raw.startsWith('/')) return { page: 'gallery' };
  if (raw === TREE_BENCH || raw.startsWith(TREE_BENCH + '?')) return { page: 'tree-bench', query: raw.slice(TREE_BENCH.length + 1) };
  const parts = raw.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { page: 'gallery' };
  if (parts[0] === 'env' && parts.length === 2) return { page: 'env', envId: parts[1] };
  // Runs pages: the saved runs list, one saved run, the custom-environment editor.
  if (parts[0] === 'runs' && parts.length === 1) return { page: 'runs' };
  if (parts[0] === 'runs' && parts.length === 2) return { page: 'run', runId: parts[1] };
  if (parts[0] === 'custom' && parts.length === 1) return { page: 'custom' };
  if (parts[0] === 'bench' && parts.length === 1) return { page: 'bench' };
  return { page: 'not-found', hash: '#' + raw };
}

/** The hash that shows a route; `parseRoute(routeHash(r))` gives `r` back. */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'gallery':
      if (!route.link) return '#/';
      return route.link.kind === 'run' ? runHash(route.link.payload) : settingsHash(route.link.payload);
    case 'env':
      return `#/env/${safeEncode(route.envId)}`;
    case 'runs':
      return '#/runs';
    case 'run':
      return `#/runs/${safeEncode(route.runId)}`;
    case 'custom':
      return '#/custom';
    case 'bench':
      return '#/bench';
    case 'tree-bench':
      return route.query ? `#${TREE_BENCH}?${route.query}` : `#${TREE_BENCH}`;
    case 'not-found':
      return route.hash.startsWith('#') ? route.hash : '#' + route.hash;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed escape stays as typed; the page then says the id is unknown
  }
}

function safeEncode(part: string): string {
  try {
    return encodeURIComponent(part);
  } catch {
    // A lone surrogate cannot be percent-encoded: it becomes U+FFFD rather than a thrown URIError.
    return encodeURIComponent(part.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
}
