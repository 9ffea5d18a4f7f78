import { describe, expect, it } from 'vitest';
import { exportRunFile, importRunFile, runFileName } from '../../../src/core/run';
import { randomRecord, sampleRecord } from './fixtures';

describe('run files', () => {
  it('export then import gives the same record (property over 30 random runs)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const record = randomRecord(seed, 1 + (seed % 20), 60);
      const back = importRunFile(exportRunFile(record));
      expect(back.ok && back.record).toEqual(record);
    }
  });

  it('imports a record as `cwm search` writes it, unchanged (compact JSON, extra fields)', () => {
    const record = { ...sampleRecord(), resume: { rng: [1, 2, 3, 4], weights: { generate: [0.5, 0.5] } }, cliVersion: '0.1.0' };
    const back = importRunFile(JSON.stringify(record));
    expect(back.ok && back.record).toEqual(record);
  });

  it('strips anything key-like on export', () => {
    const record: any = { ...sampleRecord(), provider: { kind: 'anthropic', model: 'claude', apiKey: 'sk-ant-1', headers: { 'x-api-key': 'sk-ant-1' } } };
    const text = exportRunFile(record);
    expect(text).not.toContain('sk-ant');
    expect(JSON.parse(text).provider).toEqual({ kind: 'anthropic', model: 'claude' });
  });

  it('names files safely', () => {
    expect(runFileName(sampleRecord())).toBe('cwm-run-cartpole-gif-mcts-20250102-030405.json');
    expect(runFileName({ ...sampleRecord(), env: { id: 'custom:my env', datasetHash: '' } })).toBe('cwm-run-custom-my-env-gif-mcts-20250102-030405.json');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['an empty file', '  \n', /^The file is empty\. Choose a run file/],
    ['a truncated file', exportRunFile(sampleRecord()).slice(0, 500), /^The file is not valid JSON \(.+\)\. It may be cut short or not a run export/],
    ['a CSV file', 'state,action\n1,2\n', /^The file is not valid JSON/],
    ['a JSON number', '42', /^A run record must be a JSON object, but this is number 42/],
    ['a transitions file', '[{"state":1,"action":0}]', /must be a JSON object, but this is a list of 1/],
    ['a package.json', '{"name":"x","version":"1.0.0"}', /^version is the text "1\.0\.0"; a run record has version 1/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name}`, () => {
      const result = importRunFile(text);
      expect(!result.ok && result.error).toMatch(message);
    });
  }

  it('accepts a byte-order mark', () => {
    expect(importRunFile('\uFEFF' + exportRunFile(sampleRecord())).ok).toBe(true);
  });
});
