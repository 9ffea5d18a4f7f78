// Byte-level helpers for links: UTF-8, base64url and deflate-raw. The core compiles without the DOM
// lib, so the web-platform globals used here (TextEncoder, CompressionStream…) are reached through
// `globalThis` with minimal local types instead of ambient declarations that would clash with the
// DOM lib where the app compiles the same files. They exist in browsers, workers and Node 20.

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface TransformPair {
  readable: { getReader(): StreamReader };
  writable: { getWriter(): StreamWriter };
}
type TransformCtor = new (format: 'deflate-raw') => TransformPair;

const platform = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  CompressionStream?: TransformCtor;
  DecompressionStream?: TransformCtor;
};

/** UTF-8 bytes of a string. */
export function utf8Encode(text: string): Uint8Array {
  return new platform.TextEncoder().encode(text);
}

/** The string of UTF-8 bytes; throws on invalid UTF-8 (a tampered link). */
export function utf8Decode(bytes: Uint8Array): string {
  return new platform.TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 section 5), the URL-safe alphabet. */
export function base64urlEncode(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out.push(ALPHABET[(n >> (18 - 6 * k)) & 63]);
  }
  return out.join('');
}

/** Why a base64url string could not be decoded, in words a person can act on. */
export class Base64Error extends Error {}

/** Bytes of a base64url string (padding tolerated); throws `Base64Error` saying where it is bad. */
export function base64urlDecode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bad = /[^A-Za-z0-9_-]/.exec(clean);
  if (bad) throw new Base64Error(`character ${bad.index + 1} ("${bad[0]}") is not allowed in a link payload`);
  if (clean.length % 4 === 1) throw new Base64Error(`its length (${clean.length}) is impossible for base64url, so it was cut short`);
  const bytes = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = LOOKUP.get(clean[i])!;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Thrown when inflated data would exceed the caller's limit (a "zip bomb" link). */
export class TooLargeError extends Error {}

async function pump(ctor: TransformCtor | undefined, name: string, input: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (!ctor) throw new Error(`${name} is not available here; use a current browser or Node 20+`);
  const stream = new ctor('deflate-raw');
  const writer = stream.writable.getWriter();
  // Not awaited: the readable side must be drained concurrently or backpressure stalls the write.
  // Its failures surface through `read()` below, so they are swallowed here.
  writer
    .write(input)
    .then(() => writer.close())
    .catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLargeError(`more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Raw DEFLATE (RFC 1951) of some bytes, via the platform's CompressionStream. */
export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(platform.CompressionStream, 'CompressionStream', bytes, Number.MAX_SAFE_INTEGER);
}

/** Inflates raw DEFLATE bytes; rejects on damaged data and past `maxBytes` of output. */
export function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return pump(platform.DecompressionStream, 'DecompressionStream', bytes, maxBytes);
}
