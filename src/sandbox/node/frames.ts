/**
 * The wire format between the CLI and a runner child, both ways over the child's stdin and
 * stdout: one frame per message,
 *
 *     [u32 size][u32 jsonSize][JSON text][raw bytes]
 *
 * little-endian, `size` counting everything after itself. Only the child's replies carry raw
 * bytes: the predictions' Float64Array, which crosses as it is instead of as JSON or base64 text.
 * The child writes the same layout in its own text (child-source.ts).
 */

/** A frame claiming more than this is not one: the child's output is corrupt. */
export const MAX_FRAME_BYTES = 1 << 30;

/** One message from a child, with the raw bytes that followed its JSON (empty when none). */
export interface Frame {
  message: unknown;
  bytes: Buffer;
}

/** A message from a runner child: its JSON object, with `data` the Float64Array of the bytes after it. */
export type ChildMessage = Record<string, unknown>;

/** The child's output cannot be read as frames: the child must be ended. */
export class FrameError extends Error {}

/** The frame of `message` (a JSON-able value) with no raw bytes. */
export function encodeFrame(message: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(message));
  const out = Buffer.allocUnsafe(8 + json.length);
  out.writeUInt32LE(4 + json.length, 0);
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  return out;
}

/** Reads frames from a byte stream cut anywhere: `push` each chunk, get the frames it completed. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private have = 0;
  /** Bytes of the frame being read (header included), or −1 before its header has arrived. */
  private need = -1;

  /** The frames `chunk` completed, in order; throws `FrameError` when the bytes are not frames. */
  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.have += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.need < 0) {
        if (this.have < 4) return frames;
        if (this.chunks[0].length < 4) this.chunks = [Buffer.concat(this.chunks, this.have)];
        const size = this.chunks[0].readUInt32LE(0);
        if (size < 4 || size > MAX_FRAME_BYTES) throw new FrameError(`a frame of ${size} bytes`);
        this.need = 4 + size;
      }
      if (this.have < this.need) return frames;
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.have);
      frames.push(readFrame(all.subarray(0, this.need)));
      const rest = all.subarray(this.need);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.have = rest.length;
      this.need = -1;
    }
  }
}

function readFrame(frame: Buffer): Frame {
  const jsonSize = frame.readUInt32LE(4);
  if (jsonSize > frame.length - 8) throw new FrameError(`a JSON part of ${jsonSize} bytes in a frame of ${frame.length}`);
  let message: unknown;
  try {
    message = JSON.parse(frame.toString('utf8', 8, 8 + jsonSize));
  } catch {
    throw new FrameError('a frame whose JSON does not parse');
  }
  return { message, bytes: frame.subarray(8 + jsonSize) };
}

/**
 * A child's frame as a message: its JSON object (anything else gives `{}`), with the bytes after
 * it as `data`, a Float64Array. Bytes that are not whole numbers are left out, and `data` is only
 * ever those bytes; the reply check then calls such a reply malformed.
 */
export function frameMessage({ message, bytes }: Frame): ChildMessage {
  const fields: ChildMessage = typeof message === 'object' && message !== null && !Array.isArray(message) ? { ...message } : {};
  delete fields.data;
  if (bytes.length > 0 && bytes.length % 8 === 0) {
    // Copied: a frame's bytes may start anywhere, a Float64Array only at a multiple of 8.
    const data = new Float64Array(bytes.length / 8);
    new Uint8Array(data.buffer).set(bytes);
    fields.data = data;
  }
  return fields;
}
