import { describe, expect, it } from 'vitest';
import { createReplayClient, PAPER_SAMPLING, type ChatMessage } from '../../../src/core/llm';
import type { CallRecord, RunRecord } from '../../../src/core/run/types';
import { collect } from './collect';

const ask = (text: string): ChatMessage[] => [{ role: 'user', content: text }];

const calls: CallRecord[] = [
  { id: 0, kind: 'generate', messages: ask('generate please'), completion: 'function step() { return 1; }', ms: 900, tokens: 12 },
  { id: 1, kind: 'fix', messages: ask('fix this'), completion: '', ms: 50, tokens: 0, error: 'HTTP 503 from the server' },
  { id: 2, kind: 'improve', messages: ask('improve it'), completion: 'function step() { return 2; }', ms: 800, tokens: 14 },
];
const record: Pick<RunRecord, 'calls' | 'provider'> = { calls, provider: { kind: 'openai', model: 'gpt-x', baseUrl: 'http://localhost:11434/v1' } };

describe('replay client', () => {
  it('answers the i-th call with the i-th completion, re-failing recorded failures, then runs out clearly', async () => {
    const client = createReplayClient(record);
    expect(client.info).toEqual({ kind: 'replay', model: 'gpt-x', baseUrl: 'http://localhost:11434/v1' });
    const first = await collect(client, ask('generate please'), PAPER_SAMPLING);
    expect(first).toEqual({ chunks: ['function step() { return 1; }'], text: 'function step() { return 1; }', usage: { completionTokens: 12 } });
    const failed = await collect(client, ask('fix this'), PAPER_SAMPLING);
    expect(failed.error?.kind).toBe('unavailable');
    expect(failed.error?.message).toContain('HTTP 503 from the server');
    const third = await collect(client, ask('improve it'), PAPER_SAMPLING);
    expect(third.text).toBe('function step() { return 2; }');
    expect([client.position, client.remaining]).toEqual([3, 0]);
    const over = await collect(client, ask('more'), PAPER_SAMPLING);
    expect(over.error?.kind).toBe('unavailable');
    expect(over.error?.message).toMatch(/has 3 model calls and call 4 was requested.*live provider/);
  });

  it('reports where a replayed prompt diverges, and does not advance', async () => {
    const client = createReplayClient(record);
    const diverged = await collect(client, ask('generate plea$e'), PAPER_SAMPLING);
    expect(diverged.error?.kind).toBe('bad-request');
    expect(diverged.error?.message).toContain('Replay diverged at call 1 (generate): message 1 (user) differs from character 14: recorded "se", now "$e"');
    expect(client.position).toBe(0);
    const roles = await collect(client, [{ role: 'system', content: 'generate please' }], PAPER_SAMPLING);
    expect(roles.error?.message).toContain('was from "user", now from "system"');
    const count = await collect(client, [...ask('generate please'), ...ask('x')], PAPER_SAMPLING);
    expect(count.error?.message).toContain('the recorded prompt has 1 messages, the new one 2');
  });

  it('skips verification when asked, and can start mid-record', async () => {
    const client = createReplayClient(record, { verifyMessages: false, startAt: 2 });
    expect((await collect(client, ask('anything'), PAPER_SAMPLING)).text).toBe('function step() { return 2; }');
  });

  it('honours an aborted signal without consuming a call', async () => {
    const client = createReplayClient(record);
    const controller = new AbortController();
    controller.abort();
    expect((await collect(client, ask('generate please'), PAPER_SAMPLING, controller.signal)).error?.kind).toBe('aborted');
    expect(client.position).toBe(0);
  });
});
