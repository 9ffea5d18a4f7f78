import { utf8Decoder, type BodyLike } from './fetch-types';

/** One server-sent event: its name (`message` when unnamed) and its data lines joined by "\n". */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * An incremental parser for the `text/event-stream` format (WHATWG HTML, "server-sent events"):
 * lines end in CRLF, LF or CR and may be split anywhere between pushes; lines starting with ":"
 * are comments (keep-alives); a blank line dispatches the event built so far.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): SseEvent[] {
    this.buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      // A CR at the very end may be the first half of a CRLF split across pushes: wait for more.
      if (c === '\r' && i === this.buffer.length - 1) break;
      this.line(this.buffer.slice(start, i), events);
      if (c === '\r' && this.buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** Ends the stream: a last line or event without its terminator is still delivered (lenient). */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    const rest = this.buffer.replace(/\r$/, '');
    this.buffer = '';
    if (rest) this.line(rest, events);
    this.line('', events);
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) events.push({ event: this.event || 'message', data: this.data.join('\n') });
      this.data = [];
      this.event = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    // `id` and `retry` matter only to EventSource reconnection, which a model call never does.
  }
}

/**
 * Reads a response body as server-sent events. Bytes are decoded as streaming UTF-8, so a
 * character split between network chunks survives. Stopping early cancels the body, which
 * closes the connection (the server stops generating).
 */
export async function* readSse(body: BodyLike): AsyncGenerator<SseEvent, void, void> {
  const reader = body.getReader();
  const decoder = utf8Decoder();
  const parser = new SseParser();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    finished = true;
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
