/**
 * The machinery shared by the fake model servers (`fake-openai.ts`, `fake-anthropic.ts`): a real
 * `node:http` server on 127.0.0.1 (port 0, so parallel tests never clash) that answers each model
 * request with the next scripted `Reply`, records every request, and sends CORS headers so the
 * page (browser tests) can call it too. Use it through `startFakeOpenAi` / `startFakeAnthropic`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Token counts a fake reports; defaults: prompt 11, completion = number of streamed pieces. */
export interface FakeUsage {
  prompt?: number;
  completion?: number;
}

/** One scripted answer to one model request. */
export type Reply =
  /** A streamed answer: `text` in `chunks` pieces (default 3), `delayMs` between them (slow stream). */
  | { type: 'stream'; text: string; chunks?: number; delayMs?: number; usage?: FakeUsage; finish?: string; crlf?: boolean; comments?: boolean; omitDone?: boolean; writeBytes?: number }
  /** A non-streamed JSON answer (also what a server that ignores `stream: true` sends). */
  | { type: 'json'; text: string; usage?: FakeUsage; finish?: string }
  /** An HTTP error status with the protocol's error body; e.g. 429 with `headers: { 'retry-after': '2' }`. */
  | { type: 'status'; status: number; message?: string; headers?: Record<string, string>; rawBody?: string }
  /** Streams `afterChunks` of the pieces, then destroys the socket (a dropped connection). */
  | { type: 'drop'; text: string; chunks?: number; afterChunks: number }
  /** Streams `afterChunks` pieces, then a frame that is not JSON, then the rest. */
  | { type: 'malformed'; text: string; chunks?: number; afterChunks: number; garbage?: string }
  /** Sends headers and then nothing, until the client gives up (timeout tests). */
  | { type: 'hang' }
  /** Sends `body` as is, written in pieces of `writeBytes` bytes when given. */
  | { type: 'raw'; body: string; status?: number; contentType?: string; writeBytes?: number };

/** A request the fake received (CORS preflights are counted apart, in `preflights`). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: any;
  /** True when the client closed the connection before the reply was complete (abort). */
  closedEarly: boolean;
}

/** What each protocol supplies to the shared server. */
export interface Protocol {
  /** The path of the model endpoint, e.g. `/v1/chat/completions`. */
  endpoint: string;
  /** True when the request carries the right key (checked only when the fake has an `apiKey`). */
  authorized(request: IncomingMessage, apiKey: string): boolean;
  /** The SSE frames of a streamed answer, each ending in its blank line. */
  frames(pieces: string[], reply: Extract<Reply, { type: 'stream' }>, request: RecordedRequest): { head: string[]; content: string[]; tail: string[] };
  /** A complete JSON answer. */
  json(reply: Extract<Reply, { type: 'json' }>, request: RecordedRequest): unknown;
  /** The protocol's error body. */
  error(status: number, message: string): unknown;
  /** A frame that breaks the protocol (not JSON). */
  garbage: string;
}

/** A running fake server. */
export interface FakeServer {
  /** The base URL to give the client. */
  url: string;
  /** Every model call (any request but CORS preflights and `GET …/models`), in arrival order. */
  requests: RecordedRequest[];
  /** How many CORS preflights (OPTIONS) arrived. */
  readonly preflights: number;
  /** How many `GET …/models` arrived: the page's check that the server answers before a search. */
  readonly modelLists: number;
  /** Appends replies to the script. */
  push(...replies: Reply[]): void;
  /** Scripted replies not yet used. */
  readonly pending: number;
  close(): Promise<void>;
}

/** Options common to both fakes. */
export interface FakeOptions {
  /** The replies, used in order, one per model request. */
  script?: Reply[];
  /** Answers requests once the script is used up (e.g. build a reply from the prompt). */
  respond?: (request: RecordedRequest, index: number) => Reply;
  /** When set, requests without this key get 401 (and consume no reply). */
  apiKey?: string;
}

/** Splits `text` into `n` pieces of nearly equal length, by code point (never inside a character). */
export function splitText(text: string, n: number): string[] {
  const chars = Array.from(text);
  const count = Math.max(1, Math.min(n, chars.length || 1));
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) pieces.push(chars.slice(Math.floor((i * chars.length) / count), Math.floor(((i + 1) * chars.length) / count)).join(''));
  return pieces;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a fake model server speaking `protocol`. */
export async function startFakeServer(protocol: Protocol, options: FakeOptions, urlSuffix: string): Promise<FakeServer> {
  const queue: Reply[] = [...(options.script ?? [])];
  const requests: RecordedRequest[] = [];
  let preflights = 0;
  let modelLists = 0;
  let served = 0;

  const server = createServer(async (req, res) => {
    cors(req, res);
    if (req.method === 'OPTIONS') {
      preflights++;
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      modelLists++;
      return sendJson(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
    }
    const text = await readBody(req);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the raw text
    }
    const record: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: { ...req.headers }, body, closedEarly: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.closedEarly = true;
    });
    if (req.method !== 'POST' || req.url !== protocol.endpoint) return sendJson(res, 404, protocol.error(404, `fake server: no route ${req.method} ${req.url}`));
    if (options.apiKey !== undefined && !protocol.authorized(req, options.apiKey)) return sendJson(res, 401, protocol.error(401, 'fake server: invalid API key'));
    const index = served++;
    const reply = queue.shift() ?? options.respond?.(record, index) ?? { type: 'status', status: 400, message: `fake server: no scripted reply left for request ${index + 1}` };
    await answer(protocol, reply, record, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${urlSuffix}`,
    requests,
    get preflights() {
      return preflights;
    },
    get modelLists() {
      return modelLists;
    },
    push: (...replies) => void queue.push(...replies),
    get pending() {
      return queue.length;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function answer(protocol: Protocol, reply: Reply, record: RecordedRequest, res: ServerResponse): Promise<void> {
  switch (reply.type) {
    case 'status': {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.rawBody ?? JSON.stringify(protocol.error(reply.status, reply.message ?? `fake server: scripted HTTP ${reply.status}`)));
      return;
    }
    case 'json':
      return sendJson(res, 200, protocol.json(reply, record));
    case 'hang':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      return;
    case 'raw':
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/event-stream' });
      return writeAll(res, [reply.body], 0, reply.writeBytes);
    case 'stream': {
      const { head, content, tail } = protocol.frames(splitText(reply.text, reply.chunks ?? 3), reply, record);
      let frames = [...head, ...content, ...tail];
      if (reply.comments) frames = frames.flatMap((f) => [': keep-alive\n\n', f]);
      if (reply.crlf) frames = frames.map((f) => f.replace(/\n/g, '\r\n'));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      return writeAll(res, frames, reply.delayMs ?? 0, reply.writeBytes);
    }
    case 'drop': {
      const { head, content } = protocol.frames(splitText(reply.text, reply.chunks ?? 3), { type: 'stream', text: reply.text }, record);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      for (const frame of [...head, ...content.slice(0, reply.afterChunks)]) res.write(frame);
      await sleep(20); // let the frames leave before the socket dies
      res.socket?.destroy();
      return;
    }
    case 'malformed': {
      const { head, content, tail } = protocol.frames(splitText(reply.text, reply.chunks ?? 3), { type: 'stream', text: reply.text }, record);
      const frames = [...head, ...content.slice(0, reply.afterChunks), reply.garbage ?? protocol.garbage, ...content.slice(reply.afterChunks), ...tail];
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      return writeAll(res, frames, 0);
    }
  }
}

async function writeAll(res: ServerResponse, frames: string[], delayMs: number, writeBytes?: number): Promise<void> {
  const pieces = writeBytes ? splitBytes(Buffer.from(frames.join('')), writeBytes) : frames.map((f) => Buffer.from(f));
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    if (delayMs) await sleep(delayMs);
    else if (writeBytes) await new Promise((r) => setImmediate(r));
  }
  res.end();
}

function splitBytes(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  // A "*" would not cover Authorization, so echo what the preflight asks for.
  res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('access-control-expose-headers', 'retry-after');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
