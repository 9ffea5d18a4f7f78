/**
 * A fake OpenAI-compatible Chat Completions server for tests (unit, CLI e2e, browser).
 *
 *   const fake = await startFakeOpenAi({ script: [{ type: 'stream', text: 'hello', chunks: 2 }] });
 *   const client = createOpenAiClient({ baseUrl: fake.url, model: 'fake-model' });  // url ends in /v1
 *   ...
 *   fake.requests[0].body.temperature  // what the client sent
 *   fake.push({ type: 'status', status: 429, headers: { 'retry-after': '2' } });
 *   await fake.close();
 *
 * Replies (see `Reply` in fake-http.ts): 'stream' (N chunks, optional delay, CRLF, `:` comments,
 * byte-split writes, no [DONE]), 'json' (non-streamed), 'status' (any HTTP error, with headers such
 * as Retry-After), 'drop' (connection destroyed mid-stream), 'malformed' (a non-JSON frame), 'hang',
 * 'raw'. `respond(request, index)` answers once the script is used up (e.g. pick a completion from
 * the prompt); without it an exhausted script answers HTTP 400 saying so. `apiKey` makes requests
 * without `Authorization: Bearer <key>` fail with 401. `GET /v1/models` lists one model. Usage is
 * sent in a last chunk only when the request asked for `stream_options.include_usage`, as OpenAI does.
 */
import type { IncomingMessage } from 'node:http';
import { startFakeServer, type FakeOptions, type FakeServer, type Protocol, type RecordedRequest, type Reply } from './fake-http';

export type { FakeServer, Reply, RecordedRequest, FakeOptions } from './fake-http';

const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

const openAi: Protocol = {
  endpoint: '/v1/chat/completions',
  authorized: (req: IncomingMessage, key: string) => req.headers.authorization === `Bearer ${key}`,
  frames(pieces, reply, request: RecordedRequest) {
    const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: request.body?.model ?? 'fake-model' };
    const head = [data({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })];
    const content = pieces.map((p) => data({ ...base, choices: [{ index: 0, delta: { content: p }, finish_reason: null }] }));
    const tail = [data({ ...base, choices: [{ index: 0, delta: {}, finish_reason: reply.finish ?? 'stop' }] })];
    if (request.body?.stream_options?.include_usage) {
      tail.push(
        data({
          ...base,
          choices: [],
          usage: {
            prompt_tokens: reply.usage?.prompt ?? 11,
            completion_tokens: reply.usage?.completion ?? pieces.length,
            total_tokens: (reply.usage?.prompt ?? 11) + (reply.usage?.completion ?? pieces.length),
          },
        }),
      );
    }
    if (!reply.omitDone) tail.push('data: [DONE]\n\n');
    return { head, content, tail };
  },
  json: (reply: Extract<Reply, { type: 'json' }>, request) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: request.body?.model ?? 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: reply.finish ?? 'stop' }],
    usage: { prompt_tokens: reply.usage?.prompt ?? 11, completion_tokens: reply.usage?.completion ?? 1 },
  }),
  error: (status, message) => ({ error: { message, type: status === 401 ? 'invalid_request_error' : 'server_error', code: status } }),
  garbage: 'data: {"choices": [{"delta": {"content": "trunc\n\n',
};

/** Starts a fake OpenAI-compatible server; `url` is its base URL including `/v1`. */
export function startFakeOpenAi(options: FakeOptions = {}): Promise<FakeServer> {
  return startFakeServer(openAi, options, '/v1');
}
