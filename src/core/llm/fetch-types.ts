// The core compiles without the DOM lib, yet its model clients speak HTTP. Rather than declaring
// `fetch` globally (which would clash with the DOM lib in the app build), the clients use these
// small structural types: the page's `fetch`, Node's `fetch` and a test double all satisfy them.

/** The response headers the clients read. */
export interface HeadersLike {
  get(name: string): string | null;
}

/** A byte-stream reader, as `ReadableStream.getReader()` returns. */
export interface ReaderLike {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

/** A response body: a `ReadableStream` of bytes. */
export interface BodyLike {
  getReader(): ReaderLike;
}

/** The parts of a fetch `Response` the clients use. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: HeadersLike;
  readonly body: BodyLike | null;
  text(): Promise<string>;
}

/** A POST with a JSON body: all the clients ever send. */
export interface RequestInitLike {
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** `fetch`, narrowed to what the clients need; inject one in tests or proxies. */
export type FetchLike = (url: string, init: RequestInitLike) => Promise<ResponseLike>;

/** A streaming UTF-8 decoder (`TextDecoder`). */
export interface TextDecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface WebGlobals {
  fetch?: (url: string, init: RequestInitLike) => Promise<ResponseLike>;
  TextDecoder: new () => TextDecoderLike;
}

const web = globalThis as unknown as WebGlobals;

/**
 * The given fetch, or the platform's. Wrapped in an arrow so that it is never called with a
 * foreign `this` (browsers throw "Illegal invocation" for `options.fetch(...)` on the global fetch).
 */
export function resolveFetch(custom?: FetchLike): FetchLike {
  if (custom) return custom;
  return (url, init) => {
    if (!web.fetch) throw new TypeError('fetch is not available in this environment (Node 18+ or a browser is needed)');
    return web.fetch(url, init);
  };
}

/** A new streaming UTF-8 decoder. */
export function utf8Decoder(): TextDecoderLike {
  return new web.TextDecoder();
}
