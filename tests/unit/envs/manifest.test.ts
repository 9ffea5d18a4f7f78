import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { datasetManifest } from '../../../envs/manifest-build';

describe('envs/manifest.json', () => {
  it('matches the datasets in the packs (regenerate with `npm run manifest` when it does not)', async () => {
    const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../envs/manifest.json'), 'utf8'));
    expect(committed).toEqual(await datasetManifest());
    expect(committed.cartpole).toEqual({ dataset: 'cwmb', transitions: 402 });
    expect(Array.isArray(committed.hopper.firstState)).toBe(true);
  });
});
