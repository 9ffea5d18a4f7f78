import { describe, expect, it } from 'vitest';
import { encodeFrame, frameMessage, FrameError, FrameReader, MAX_FRAME_BYTES, type Frame } from '../../../src/sandbox/node/frames';

// The wire format between the CLI and a runner child (src/sandbox/node/frames.ts).

/** A frame as the child writes it: `[u32 size][u32 jsonSize][json][bytes]`. */
function childFrame(message: unknown, bytes: Uint8Array = new Uint8Array(0)): Buffer {
  const json = Buffer.from(JSON.stringify(message));
  const out = Buffer.alloc(8 + json.length + bytes.length);
  out.writeUInt32LE(4 + json.length + bytes.length, 0);
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  out.set(bytes, 8 + json.length);
  return out;
}

const plain = (frames: Frame[]) => frames.map((f) => ({ message: f.message, bytes: [...f.bytes] }));

describe('FrameReader', () => {
  it('reads back what encodeFrame wrote, with no bytes after the JSON', () => {
    const message = { op: 'score', id: 7, program: 'class Environment {} // é ✓', seed: -3 };
    expect(plain(new FrameReader().push(encodeFrame(message)))).toEqual([{ message, bytes: [] }]);
  });

  it('gives the same frames wherever the stream is cut, and several frames from one chunk', () => {
    const stream = Buffer.concat([childFrame({ id: 1 }, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), childFrame({ op: 'ready' }), childFrame([1, 'two'], new Uint8Array([9]))]);
    const whole = plain(new FrameReader().push(stream));
    expect(whole).toEqual([
      { message: { id: 1 }, bytes: [1, 2, 3, 4, 5, 6, 7, 8] },
      { message: { op: 'ready' }, bytes: [] },
      { message: [1, 'two'], bytes: [9] },
    ]);
    for (let a = 0; a <= stream.length; a++) {
      for (let b = a; b <= stream.length; b += 3) {
        const reader = new FrameReader();
        const got = [stream.subarray(0, a), stream.subarray(a, b), stream.subarray(b)].flatMap((chunk) => plain(reader.push(chunk)));
        expect(got).toEqual(whole);
      }
    }
  });

  it('reads a stream fed one byte at a time', () => {
    const stream = Buffer.concat([childFrame({ a: 'x'.repeat(300) }, new Uint8Array(16).fill(7)), childFrame({ b: 2 })]);
    const reader = new FrameReader();
    const got: Frame[] = [];
    for (let i = 0; i < stream.length; i++) got.push(...reader.push(stream.subarray(i, i + 1)));
    expect(plain(got)).toEqual(plain(new FrameReader().push(stream)));
  });

  it('refuses bytes that are not frames', () => {
    const tooBig = Buffer.alloc(8);
    tooBig.writeUInt32LE(MAX_FRAME_BYTES + 1, 0);
    const tooSmall = Buffer.from([3, 0, 0, 0, 0, 0, 0]);
    const jsonPastEnd = childFrame({ id: 1 });
    jsonPastEnd.writeUInt32LE(jsonPastEnd.length, 4);
    const notJson = childFrame({ id: 1 });
    notJson.write('{', 8);
    notJson.write('}', 9);
    notJson.write('!', 10);
    expect(() => new FrameReader().push(tooBig)).toThrow(FrameError);
    expect(() => new FrameReader().push(tooSmall)).toThrow(/a frame of 3 bytes/);
    expect(() => new FrameReader().push(jsonPastEnd)).toThrow(/a JSON part of/);
    expect(() => new FrameReader().push(notJson)).toThrow(/does not parse/);
  });
});

describe('frameMessage', () => {
  it('turns the bytes after the JSON into a Float64Array, exactly, from any offset', () => {
    const numbers = new Float64Array([-0, NaN, Infinity, -Infinity, 0.1 + 0.2, Number.MIN_VALUE]);
    const stream = Buffer.concat([Buffer.from([0]), childFrame({ id: 3, ok: true, stride: 6 }, new Uint8Array(numbers.buffer))]);
    const [frame] = new FrameReader().push(stream.subarray(1)); // a frame starting at an odd offset in its buffer
    const message = frameMessage(frame);
    expect(message).toEqual({ id: 3, ok: true, stride: 6, data: numbers });
    expect(Object.is((message.data as Float64Array)[0], -0)).toBe(true);
  });

  it('leaves out bytes that are not whole numbers and a `data` field the JSON brought', () => {
    const [frame] = new FrameReader().push(childFrame({ id: 1, data: [1, 2] }, new Uint8Array(12)));
    expect(frameMessage(frame)).toEqual({ id: 1 });
    const [other] = new FrameReader().push(childFrame('not an object', new Uint8Array(8)));
    expect(frameMessage(other)).toEqual({ data: new Float64Array(1) });
  });
});
