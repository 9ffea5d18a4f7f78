import type { RunRecord } from './types';
import { LIMITS, LINK_CHARS } from './limits';
import { Base64Error, TooLargeError, base64urlDecode, base64urlEncode, deflateRaw, inflateRaw, utf8Decode, utf8Encode } from './bytes';
import { keylessRecord } from './keyless';
import { TRIM_STEPS, trimRecord } from './trim';
import { validateRunRecord, type RecordResult } from './validate';

/** A run as a link payload, or why it cannot be one. */
export type LinkResult = { ok: true; payload: string; trimmed: boolean; step?: string } | { ok: false; error: string };

/** Deflate-raw + base64url of a value's JSON: the payload after `#run=`. */
export async function packJson(value: unknown): Promise<string> {
  return base64urlEncode(await deflateRaw(utf8Encode(JSON.stringify(value))));
}

/**
 * Encodes a run for a share link (`#run=<payload>`). When the full record exceeds `maxChars`, it is
 * trimmed step by step (prompts, then all but the best path, then raw completions) and `trimmed`
 * says so; when even that does not fit, the result says to export a file instead. The key is never
 * in it: the record is made keyless first.
 */
export async function encodeRunLink(record: RunRecord, maxChars = LINK_CHARS): Promise<LinkResult> {
  const clean = keylessRecord(record);
  const full = await packJson(clean);
  if (full.length <= maxChars) return { ok: true, payload: full, trimmed: false };
  for (const step of TRIM_STEPS) {
    const payload = await packJson(trimRecord(clean, step));
    if (payload.length <= maxChars) return { ok: true, payload, trimmed: true, step };
  }
  const smallest = await packJson(trimRecord(clean, 'completions'));
  return {
    ok: false,
    error: `This run is too large for a link: even trimmed to its best path it needs ${smallest.length} characters, more than the ${maxChars} a link can safely carry. Export it as a file and share the file instead.`,
  };
}

/**
 * Decodes a `#run=` payload back into a validated record. A truncated, tampered or foreign payload
 * gets a message saying which (never an exception); nothing in it is executed.
 */
export async function decodeRunLink(payload: string): Promise<RecordResult> {
  const json = await unpackJson(payload, 'run');
  return json.ok ? validateRunRecord(json.value) : json;
}

/** Reverses `packJson`, with messages for each way a link payload can be broken. */
export async function unpackJson(payload: string, what: string): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const text = payload.trim();
  if (text === '') return { ok: false, error: `The link has nothing after #${what}=. Copy the whole link again; it may have been cut off.` };
  let bytes: Uint8Array;
  try {
    bytes = base64urlDecode(text);
  } catch (e) {
    if (e instanceof Base64Error) return { ok: false, error: `This ${what} link is damaged: ${e.message}. Copy the whole link again, or ask for the exported file.` };
    throw e;
  }
  let inflated: Uint8Array;
  try {
    inflated = await inflateRaw(bytes, LIMITS.linkInflatedBytes);
  } catch (e) {
    if (e instanceof TooLargeError)
      return {
        ok: false,
        error: `This ${what} link expands to more than ${LIMITS.linkInflatedBytes / 1024 / 1024} MB, which no shared run does; it was not opened. Ask for the exported file instead.`,
      };
    return { ok: false, error: `This ${what} link could not be decompressed: it is truncated or was altered. Copy the whole link again, or ask for the exported file.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(inflated));
  } catch {
    return { ok: false, error: `This ${what} link decompresses to something that is not a CWM Playground ${what}. It comes from another site or was altered; ask for a new link.` };
  }
  return { ok: true, value: json };
}
