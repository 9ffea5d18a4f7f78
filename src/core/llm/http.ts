import { errorFromNetwork, errorFromStatus, type ErrorContext } from './errors';
import type { FetchLike, ResponseLike } from './fetch-types';

/**
 * POSTs a JSON body and returns the response when it is 2xx. A non-2xx status becomes an
 * LlmError built from the body and `Retry-After`; a fetch that throws (DNS, refused, CORS,
 * mixed content) becomes a 'network' LlmError. Aborts propagate as thrown by fetch, for the
 * caller's `CallScope` to explain.
 */
export async function postJson(fetch: FetchLike, url: string, headers: Record<string, string>, body: unknown, signal: AbortSignal, context: ErrorContext): Promise<ResponseLike> {
  let response: ResponseLike;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw errorFromNetwork(error, context);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw errorFromStatus(response.status, text, response.headers.get('retry-after'), context);
  }
  return response;
}

/** True when a server answered a streaming request with one JSON document instead of SSE. */
export function isJsonResponse(response: ResponseLike): boolean {
  return /application\/json/i.test(response.headers.get('content-type') ?? '');
}

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
