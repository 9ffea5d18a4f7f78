import type { EnvSpec, Transition } from '../../core/env/types';
import type { RunRecord } from '../../core/run/types';
import { customEnvSpec } from '../../core/env/parse';
import { findPack } from '../../../envs/index';
import { loadDataset } from '../env.svelte';

/**
 * The environment a recorded run was made on: its spec and transitions, from the record itself
 * (custom environments travel in it) or from the pack's dataset (same-origin, cached offline).
 * Rejects with a message when the pack is unknown to this version of the playground.
 */
export async function runEnvironment(record: RunRecord): Promise<{ spec: EnvSpec; transitions: Transition[] }> {
  const custom = record.env.custom;
  if (custom) return { spec: { ...customEnvSpec(custom), id: record.env.id }, transitions: custom.transitions };
  const pack = findPack(record.env.id);
  if (!pack) throw new Error(`this playground has no environment "${record.env.id}"`);
  const dataset = record.env.dataset ?? pack.datasets[0]?.id;
  if (!dataset) throw new Error(`${pack.spec.title} has no dataset`);
  return { spec: pack.spec, transitions: await loadDataset(pack, dataset) };
}
