/** What a URL hash asks for: a shared run, shared settings, or an app route like `#/runs`. */
export type HashIntent = { kind: 'run'; payload: string } | { kind: 'settings'; payload: string } | { kind: 'route'; route: string } | { kind: 'none' };

/**
 * Reads a URL hash (with or without the leading `#`). Links are `#run=<payload>` and
 * `#settings=<payload>`; anything else is left to the router.
 */
export function parseHash(hash: string): HashIntent {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '') return { kind: 'none' };
  if (h.startsWith('run=')) return { kind: 'run', payload: h.slice(4) };
  if (h.startsWith('settings=')) return { kind: 'settings', payload: h.slice(9) };
  return { kind: 'route', route: h };
}

/** The hash of a share link for a run payload. */
export function runHash(payload: string): string {
  return `#run=${payload}`;
}

/** The hash of a settings link. */
export function settingsHash(payload: string): string {
  return `#settings=${payload}`;
}
