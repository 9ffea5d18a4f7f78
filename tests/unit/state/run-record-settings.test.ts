import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/run/types';
import { GIF_MCTS_DEFAULTS } from '../../../src/core/search/gif-mcts';
import { cannotContinue, continueNotice, datasetGone, sessionDataset } from '../../../src/state/run/messages';
import { continueSettings, pageRecord, replaySettings } from '../../../src/state/run/record-settings';
import { sampleRecord } from '../run/fixtures';

const transitions = [{ state: [0], action: 0, next_state: [1], reward: 1, done: false }];

describe('settings taken from a record', () => {
  it('continues a page record with its own budget, numeric hyperparameters, name and fork origin', () => {
    const record: RunRecord = { ...sampleRecord(), budget: 12, name: 'mine', forkedFrom: { createdAt: '2024-12-31T00:00:00.000Z', nodeId: 3 }, protocol: 'paper', descriptionVariant: 'paper' };
    record.params = { uctC: 0.3, epsilon: 'x' as unknown as number, sampling: { temperature: 1 } as unknown as number };
    expect(continueSettings(record, 50)).toEqual({
      strategyId: 'gif-mcts',
      protocol: 'paper',
      variant: 'paper',
      seed: 7,
      budget: 12,
      params: { ...GIF_MCTS_DEFAULTS, uctC: 0.3 },
      carry: { name: 'mine', forkedFrom: { createdAt: '2024-12-31T00:00:00.000Z', nodeId: 3 } },
      elapsedMs: 1200 + 1201 + 1202 + 1203,
    });
  });

  it('gives a CLI record (no budget) the page budget, and always one more call than it made', () => {
    const cli = { ...sampleRecord(), status: 'running' as const };
    expect(continueSettings(cli, 50).budget).toBe(50);
    expect(continueSettings(cli, 2).budget).toBe(5); // 4 calls made
    expect(continueSettings({ ...cli, resume: { iterations: 9 } }, 2).budget).toBe(10);
    expect(continueSettings({ ...cli, budget: 0 }, 2).budget).toBe(5); // not a budget: ignored
    // Runs made before protocols existed are playground runs with the hinted description.
    expect(continueSettings(cli, 2)).toMatchObject({ protocol: 'playground', variant: 'hinted', carry: {} });
  });

  it('replays with one call per recorded call and the recorded hyperparameters over the defaults', () => {
    expect(replaySettings({ ...sampleRecord(), strategy: 'worldcoder', params: { thompsonC: 2 }, protocol: 'paper', env: { id: 'x', datasetHash: 'h', custom: {} as never } })).toEqual({
      strategyId: 'worldcoder',
      protocol: 'paper',
      variant: 'custom',
      seed: 7,
      budget: 4,
      params: { thompsonC: 2 },
    });
  });

  it('adds the carried fields, the budget and the samples to the session snapshot', () => {
    const snapshot = sampleRecord();
    expect(pageRecord(snapshot, { name: 'n' }, 20, 1)).toEqual({ ...snapshot, name: 'n', budget: 20 });
    expect(pageRecord(snapshot, {}, 20, 64)).toEqual({ ...snapshot, budget: 20, params: { C: 0.1, epsilon: 1, samples: 64 } });
    expect(snapshot.params).toEqual({ C: 0.1, epsilon: 1 }); // the snapshot itself is not changed
  });
});

describe('why a run cannot start or continue', () => {
  it('names the dataset problem before anything else', () => {
    expect(sessionDataset(null, null)).toEqual({ ok: false, error: 'The dataset has not loaded yet. Wait for the Dataset tab to show the transitions, then start again.' });
    expect(sessionDataset(null, 'Could not load it.')).toEqual({ ok: false, error: 'Could not load it.' });
    expect(sessionDataset(transitions, null)).toEqual({ ok: true, transitions });
    const other = sessionDataset(transitions, null, sampleRecord());
    expect(other.ok).toBe(false);
    expect(!other.ok && other.error).toMatch(/^The dataset shown is not the one this run was scored on\./);
  });

  it('says how a saved run continues, and why it cannot', () => {
    expect(continueNotice({ ...sampleRecord(), resume: { rng: [1, 2, 3, 4] } })).toBe(
      'Continuing the saved run where it stopped (4 calls so far). Check the model under "Pick a model", then press Resume or Step.',
    );
    expect(continueNotice(sampleRecord())).toMatch(/^Continuing the saved run from its nodes \(a fork: /);
    expect(datasetGone(sampleRecord(), 'CartPole')).toMatch(/^This run was scored on a dataset \(hash abcdef01\) that CartPole no longer has here/);
    expect(cannotContinue(new Error('cannot resume this run: its rng is not 4 numbers'))).toBe('This saved run cannot continue: its rng is not 4 numbers');
  });
});
