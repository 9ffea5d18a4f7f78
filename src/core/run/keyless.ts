import type { RunRecord } from './types';
import { structuredCopy } from './path';

// Property names that hold credentials in provider configs and HTTP headers. Call fields like
// `tokens` (a count) are not in the list; matching is on the whole name, case-insensitive.
const KEY_NAMES = /^(api[-_]?key|key|secret|client[-_]?secret|token|access[-_]?token|auth|authorization|password|x-api-key|headers)$/i;
// Query parameters some OpenAI-compatible hosts accept a key in (`?key=…`, `?api_key=…`).
const KEY_PARAMS = /^(api[-_]?key|key|token|access[-_]?token|auth|sig|signature)$/i;

/** A base URL without user info or credential-like query parameters. */
export function keylessUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!match) return url;
  const [, scheme, , rest, query] = match;
  const params = (query ?? '')
    .slice(1)
    .split('&')
    .filter((p) => p && !KEY_PARAMS.test(decodeSafe(p.split('=')[0])));
  return scheme + rest + (params.length ? `?${params.join('&')}` : '');
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A deep copy of a record that cannot carry an API key: every property named like a credential is
 * dropped anywhere in the record, and the provider's base URL loses user info and key-like query
 * parameters. Keys never enter records in the first place; this is the
 * second lock. A record without credentials comes back equal to the input.
 */
export function keylessRecord(record: RunRecord): RunRecord {
  const copy = structuredCopy(record);
  stripKeys(copy);
  if (typeof copy.provider?.baseUrl === 'string') copy.provider.baseUrl = keylessUrl(copy.provider.baseUrl);
  return copy;
}

function stripKeys(value: unknown): void {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (KEY_NAMES.test(k)) delete o[k];
      else stack.push(o[k]);
    }
  }
}
