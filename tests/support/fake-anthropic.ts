/**
 * A fake Anthropic Messages API server for tests.
 *
 *   const fake = await startFakeAnthropic({ script: [{ type: 'stream', text: 'hi', chunks: 2 }] });
 *   const client = createAnthropicClient({ baseUrl: fake.url, apiKey: 'k', model: 'claude-fake' });
 *   fake.requests[0].headers['anthropic-version']  // what the client sent
 *   await fake.close();
 *
 * `url` is the host (the client appends /v1/messages). Streams the named events in Anthropic's
 * order: message_start, content_block_start, ping, content_block_delta (text_delta) × N,
 * content_block_stop, message_delta (stop_reason, output tokens), message_stop. `omitDone` leaves
 * out message_stop. A scripted 'status' answers with Anthropic's error body
 * `{ type: 'error', error: { type, message } }`; status 529 is `overloaded_error`. `apiKey` makes
 * requests without the right `x-api-key` fail with 401. Replies are the same as fake-openai.ts.
 */
import type { IncomingMessage } from 'node:http';
import { startFakeServer, type FakeOptions, type FakeServer, type Protocol, type Reply } from './fake-http';

export type { FakeServer, Reply, RecordedRequest, FakeOptions } from './fake-http';

const event = (name: string, value: unknown) => `event: ${name}\ndata: ${JSON.stringify(value)}\n\n`;

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const anthropic: Protocol = {
  endpoint: '/v1/messages',
  authorized: (req: IncomingMessage, key: string) => req.headers['x-api-key'] === key,
  frames(pieces, reply, request) {
    const model = request.body?.model ?? 'claude-fake';
    const input = reply.usage?.prompt ?? 11;
    const head = [
      event('message_start', {
        type: 'message_start',
        message: { id: 'msg_fake', type: 'message', role: 'assistant', model, content: [], stop_reason: null, usage: { input_tokens: input, output_tokens: 1 } },
      }),
      event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      event('ping', { type: 'ping' }),
    ];
    const content = pieces.map((text) => event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }));
    const tail = [
      event('content_block_stop', { type: 'content_block_stop', index: 0 }),
      event('message_delta', { type: 'message_delta', delta: { stop_reason: reply.finish ?? 'end_turn', stop_sequence: null }, usage: { output_tokens: reply.usage?.completion ?? pieces.length } }),
    ];
    if (!reply.omitDone) tail.push(event('message_stop', { type: 'message_stop' }));
    return { head, content, tail };
  },
  json: (reply: Extract<Reply, { type: 'json' }>, request) => ({
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model: request.body?.model ?? 'claude-fake',
    content: [{ type: 'text', text: reply.text }],
    stop_reason: reply.finish ?? 'end_turn',
    usage: { input_tokens: reply.usage?.prompt ?? 11, output_tokens: reply.usage?.completion ?? 1 },
  }),
  error: (status, message) => ({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }),
  garbage: 'event: content_block_delta\ndata: {"type": "content_block_delta", "delta": \n\n',
};

/** Starts a fake Anthropic server; `url` is its host, to be used as the client's base URL. */
export function startFakeAnthropic(options: FakeOptions = {}): Promise<FakeServer> {
  return startFakeServer(anthropic, options, '');
}
