import { describe, expect, it } from 'vitest';
import { PROTOCOLS, paperBudget, presetFor, protocolLabel, protocolSampling, recordDescription, recordProtocol, samplingText } from '../../../src/core/protocol';
import { validateRunRecord } from '../../../src/core/run/validate';
import { sampleRecord as baseRecord } from '../run/fixtures';

describe('protocols', () => {
  it('the paper protocol changes every input the paper fixed; the playground keeps today', () => {
    expect(PROTOCOLS.paper).toMatchObject({ description: 'paper', searchReward: 'paper', prompts: 'paper', prefixRule: 'paper', stopRule: 'score-one' });
    expect(PROTOCOLS.playground).toMatchObject({ description: 'hinted', searchReward: 'tolerant', prompts: 'playground', prefixRule: 'playground', stopRule: 'correct' });
    expect(protocolLabel('paper', 'paper')).toBe('paper protocol · paper description');
    expect(protocolLabel('playground', 'hinted', true)).toBe('playground protocol · hinted description (edited)');
  });

  it('picks the paper sampling and budget by provider', () => {
    expect(presetFor({ kind: 'openai', model: 'gpt-4-turbo' })).toBe('openai');
    expect(presetFor({ kind: 'openai', model: 'o3-mini' })).toBe('openai');
    expect(presetFor({ kind: 'openai', model: 'my-model', baseUrl: 'https://api.openai.com/v1' })).toBe('openai');
    expect(presetFor({ kind: 'anthropic', model: 'claude-sonnet-4-5' })).toBe('openai');
    expect(presetFor({ kind: 'openai', model: 'qwen2.5-coder:7b', baseUrl: 'http://localhost:11434/v1' })).toBe('open-weights');
    expect(presetFor({ kind: 'webllm', model: 'Qwen2.5-Coder-7B-Instruct-q4f16_1-MLC' })).toBe('open-weights');
    expect(protocolSampling('paper', { kind: 'openai', model: 'gpt-4o' })).toEqual({ temperature: 0.6, topP: 0.8, maxTokens: 4096 });
    expect(protocolSampling('paper', { kind: 'webllm', model: 'x' })).toEqual({ temperature: 1, topP: 0.8, topK: 100, maxTokens: 1500 });
    expect(protocolSampling('playground', { kind: 'openai', model: 'gpt-4o' })).toEqual({ temperature: 1, topP: 0.8, topK: 100, maxTokens: 1500 });
    expect([paperBudget({ kind: 'openai', model: 'gpt-4-turbo' }), paperBudget({ kind: 'webllm', model: 'x' })]).toEqual([10, 50]);
    expect(samplingText({ temperature: 0.6, topP: 0.8, maxTokens: 4096 })).toBe('temperature 0.6, top_p 0.8, max_tokens 4096');
  });
});

describe('records and protocols', () => {
  it('an older record without protocol fields still loads, as a playground run with the hinted text', () => {
    const old = baseRecord();
    expect(old).not.toHaveProperty('protocol');
    const checked = validateRunRecord(JSON.parse(JSON.stringify(old)));
    if (!checked.ok) throw new Error(checked.error);
    expect([recordProtocol(checked.record), recordDescription(checked.record)]).toEqual(['playground', 'hinted']);
    expect(recordDescription({ env: { custom: {} } })).toBe('custom');
  });

  it('a record with the new fields validates; wrong values get a message naming the field', () => {
    const record: Record<string, any> = {
      ...baseRecord(),
      protocol: 'paper',
      descriptionVariant: 'paper',
      descriptionEdited: true,
      sampling: { temperature: 0.6, topP: 0.8, maxTokens: 4096, seed: 3 },
    };
    record.nodes[1] = { ...record.nodes[1], critique: '## Error explanation\nx' };
    expect(validateRunRecord(record)).toMatchObject({ ok: true });
    const bad = (patch: Record<string, unknown>) => validateRunRecord({ ...record, ...patch });
    expect(bad({ protocol: 'exact' })).toMatchObject({ ok: false, path: 'protocol' });
    expect(bad({ descriptionVariant: 'precise' })).toMatchObject({ ok: false, path: 'descriptionVariant' });
    expect(bad({ sampling: { temperature: 'hot', topP: 0.8, maxTokens: 10 } })).toMatchObject({ ok: false, path: 'sampling.temperature' });
    const nodes = record.nodes.map((n: object, i: number) => (i === 1 ? { ...n, critique: 7 } : n));
    expect(bad({ nodes })).toMatchObject({ ok: false, path: 'nodes[1].critique' });
  });
});
