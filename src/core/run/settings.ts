import type { StrategyId } from './types';
import { STRATEGY_IDS } from './validate';
import { DESCRIPTION_VARIANTS, PROTOCOL_IDS, type DescriptionVariant, type ProtocolId } from '../protocol/protocols';

/** The starting point of a run that a link can carry alone (like TensorFlow Playground). */
export interface RunSettings {
  env: string;
  strategy: StrategyId;
  budget: number;
  seed: number;
  /** Dataset id of the pack (`cwmb`, `recorded`); absent means the pack's default. */
  dataset?: string;
  /** The protocol (paper or playground); absent means the page's default. */
  protocol?: ProtocolId;
  /** The description variant; absent means the protocol's. */
  description?: DescriptionVariant;
  /** Strategy hyperparameters (C, ε, widening…); absent keys take the strategy's defaults. */
  params: Record<string, number>;
}

type Field =
  | { key: 'env' | 'dataset'; kind: 'id' }
  | { key: 'strategy' | 'protocol' | 'description'; kind: 'enum'; values: readonly string[] }
  | { key: 'budget' | 'seed'; kind: 'int'; min: number; max: number };

/**
 * The one table that drives both writing and reading `#settings=`: each field's key, its type and
 * its allowed range. Hyperparameters follow as `p.<name>:<number>`. Budget 1–1000 covers the
 * paper's 50-call runs with room to spare; seeds are 32-bit like the `Rng`.
 */
export const SETTINGS_SCHEMA: readonly Field[] = [
  { key: 'env', kind: 'id' },
  { key: 'dataset', kind: 'id' },
  { key: 'strategy', kind: 'enum', values: STRATEGY_IDS },
  { key: 'protocol', kind: 'enum', values: PROTOCOL_IDS },
  { key: 'description', kind: 'enum', values: DESCRIPTION_VARIANTS },
  { key: 'budget', kind: 'int', min: 1, max: 1000 },
  { key: 'seed', kind: 'int', min: 0, max: 2 ** 32 - 1 },
];

/** Defaults for fields a settings link leaves out (the gallery's first environment, paper's budget). */
export const DEFAULT_SETTINGS: RunSettings = { env: 'cartpole', strategy: 'gif-mcts', budget: 50, seed: 0, params: {} };

const ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;
const PARAM = /^p\.([A-Za-z_][A-Za-z0-9_]{0,39})$/;

/**
 * Writes settings as the readable payload after `#settings=`:
 * `env:cartpole,strategy:gif-mcts,budget:50,seed:7,p.C:0.1`. Only fragment-safe characters.
 */
export function encodeSettings(settings: RunSettings): string {
  const parts: string[] = [];
  for (const field of SETTINGS_SCHEMA) {
    const value = settings[field.key];
    if (value !== undefined) parts.push(`${field.key}:${encodeURIComponent(String(value))}`);
  }
  for (const [name, value] of Object.entries(settings.params).sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(`p.${name}:${encodeURIComponent(String(value))}`);
  }
  return parts.join(',');
}

/** Reads a `#settings=` payload; a bad field gets a message naming it and its allowed values. */
export function decodeSettings(payload: string): { ok: true; settings: RunSettings } | { ok: false; error: string } {
  const settings: RunSettings = { ...DEFAULT_SETTINGS, params: {} };
  const fix = ' Fix it in the link, or open the playground and choose the settings by hand.';
  if (payload.trim() === '') return { ok: false, error: `The settings link has nothing after #settings=.${fix}` };
  for (const part of payload.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 1) return { ok: false, error: `The settings link has "${part.slice(0, 40)}" where a "name:value" pair belongs.${fix}` };
    const key = part.slice(0, colon);
    let value: string;
    try {
      value = decodeURIComponent(part.slice(colon + 1));
    } catch {
      return { ok: false, error: `The value of "${key}" in the settings link is not valid URL text.${fix}` };
    }
    const param = PARAM.exec(key);
    if (param) {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) return { ok: false, error: `Hyperparameter ${param[1]} must be a number, but the link says "${value}".${fix}` };
      settings.params[param[1]] = n;
      continue;
    }
    const field = SETTINGS_SCHEMA.find((f) => f.key === key);
    if (!field) return { ok: false, error: `The settings link has an unknown field "${key.slice(0, 40)}"; known are ${SETTINGS_SCHEMA.map((f) => f.key).join(', ')} and p.<hyperparameter>.${fix}` };
    const error = assign(settings, field, value);
    if (error) return { ok: false, error: error + fix };
  }
  return { ok: true, settings };
}

function assign(settings: RunSettings, field: Field, value: string): string | null {
  switch (field.kind) {
    case 'id':
      if (!ID.test(value)) return `${field.key} "${value.slice(0, 40)}" is not an id (letters, digits, ":", ".", "_", "-").`;
      settings[field.key] = value;
      return null;
    case 'enum':
      if (!field.values.includes(value)) return `${field.key} "${value.slice(0, 40)}" is unknown; use one of ${field.values.join(', ')}.`;
      if (field.key === 'strategy') settings.strategy = value as StrategyId;
      else if (field.key === 'protocol') settings.protocol = value as ProtocolId;
      else settings.description = value as DescriptionVariant;
      return null;
    case 'int': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < field.min || n > field.max) return `${field.key} must be a whole number from ${field.min} to ${field.max}, but the link says "${value.slice(0, 40)}".`;
      settings[field.key] = n;
      return null;
    }
  }
}
