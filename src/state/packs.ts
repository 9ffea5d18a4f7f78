import { findPack } from '../../envs/index';
import type { EnvPack } from '../core/env/types';
import { findCustomPack } from './runs/custom-env.svelte';

/** The pack of an id: a built-in pack, or a custom environment loaded in this page. */
export function lookupPack(id: string): EnvPack | undefined {
  return findPack(id) ?? findCustomPack(id);
}

/** Like `lookupPack`, but an unknown id throws a message saying where the ids come from. */
export function requirePack(id: string): EnvPack {
  const pack = lookupPack(id);
  if (!pack) throw new Error(`unknown environment "${id}"; call cwmPlayground.envs() for the built-in ids, or open your custom environment first`);
  return pack;
}
