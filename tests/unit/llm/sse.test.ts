import { describe, expect, it } from 'vitest';
import { readSse, SseParser, type SseEvent } from '../../../src/core/llm';

const STREAM = [
  ': connected\n\n',
  'data: {"a":1}\n\n',
  'event: content_block_delta\r\ndata: {"t":"π ✓"}\r\n\r\n',
  'data: line one\ndata: line two\n\n',
  'data:no-space\rid: 7\rretry: 10\r\r',
  'event: ping\ndata: {}\n\n',
  ':comment only\n\n',
  'data: [DONE]\n\n',
];
const EXPECTED: SseEvent[] = [
  { event: 'message', data: '{"a":1}' },
  { event: 'content_block_delta', data: '{"t":"π ✓"}' },
  { event: 'message', data: 'line one\nline two' },
  { event: 'message', data: 'no-space' },
  { event: 'ping', data: '{}' },
  { event: 'message', data: '[DONE]' },
];

function parseInPieces(text: string, cuts: number[]): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    events.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  events.push(...parser.end());
  return events;
}

/** A response body that delivers `bytes` in the given pieces. */
function body(bytes: Uint8Array, cuts: number[]) {
  const bounds = [0, ...cuts, bytes.length];
  let i = 0;
  return {
    getReader: () => ({
      read: async () => (i + 1 < bounds.length ? { done: false, value: bytes.slice(bounds[i], bounds[++i]) } : { done: true }),
      cancel: async () => undefined,
    }),
  };
}

async function readAll(bytes: Uint8Array, cuts: number[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const e of readSse(body(bytes, cuts))) events.push(e);
  return events;
}

describe('SseParser', () => {
  const text = STREAM.join('');

  it('parses LF, CRLF and CR line ends, comments, multi-line data and named events', () => {
    expect(parseInPieces(text, [])).toEqual(EXPECTED);
  });

  it('gives the same events however the text is split in two or three pieces', () => {
    for (let a = 0; a <= text.length; a++) {
      expect(parseInPieces(text, [a])).toEqual(EXPECTED);
      for (let b = a; b <= text.length; b += 7) expect(parseInPieces(text, [a, b])).toEqual(EXPECTED);
    }
  });

  it('delivers a last event without its blank line at the end of the stream', () => {
    expect(parseInPieces('data: tail', [])).toEqual([{ event: 'message', data: 'tail' }]);
    expect(parseInPieces('data: tail\r', [])).toEqual([{ event: 'message', data: 'tail' }]);
  });

  it('dispatches nothing for a blank line without data', () => {
    expect(parseInPieces('\n\n\nevent: x\n\n', [])).toEqual([]);
  });
});

describe('readSse', () => {
  const bytes = new TextEncoder().encode(STREAM.join(''));

  it('decodes UTF-8 characters split between network chunks, at every byte', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) expect(await readAll(bytes, [cut])).toEqual(EXPECTED);
  });

  it('survives one byte per chunk', async () => {
    expect(
      await readAll(
        bytes,
        Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(EXPECTED);
  });
});
