/**
 * `npm run manifest`: writes envs/manifest.json, what the gallery cards show without loading any
 * dataset: the size of each pack's default dataset and, for packs without a simulator, its first
 * state (the card's still picture). A unit test fails when the file no longer matches the data,
 * so it is regenerated whenever a dataset changes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { datasetManifest } from '../envs/manifest-build';

const file = resolve(import.meta.dirname, '../envs/manifest.json');
const manifest = await datasetManifest();
writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${file}: ${Object.keys(manifest).length} packs`);
