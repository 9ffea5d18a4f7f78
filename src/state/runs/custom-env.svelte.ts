import type { EnvPack } from '../../core/env/types';
import type { CustomEnv } from '../../core/run/types';
import { buildCustomEnv, customEnvHash, customEnvId, customEnvSpec, detectFormat, parseTransitions, type ParseResult, type TransitionFormat } from '../../core/env/parse';
import { deleteCustomEnv, listCustomEnvs, saveCustomEnv } from './persistence';
import type { StoredCustomEnv } from './backend';

/** A custom environment as a pack, with the environment itself so a run record can carry it. */
export interface CustomPack extends EnvPack {
  custom: CustomEnv;
}

const packs = new Map<string, CustomPack>();

/**
 * An environment pack for a custom environment, so the env view and the search treat it as any
 * pack. `id` defaults to the slug of the title; a record from elsewhere keeps its own id.
 */
export function customPack(env: CustomEnv, id = customEnvId(env.title)): CustomPack {
  const spec = { ...customEnvSpec(env), id };
  return { spec, custom: env, datasets: [{ id: 'custom', label: 'Your transitions', load: async () => env.transitions }] };
}

/** The pack of a saved custom environment (`custom:<slug>`) once `loadCustomPacks` has run. */
export function findCustomPack(id: string): CustomPack | undefined {
  return packs.get(id);
}

/**
 * Makes the custom environment a run record carries available as `id` for this visit, so a run
 * continued from a file or a link opens even when this browser never saved that environment.
 * A saved environment with the same transitions stays as it is.
 */
export function useCustomEnv(id: string, env: CustomEnv): CustomPack {
  const known = packs.get(id);
  if (known && customEnvHash(known.custom) === customEnvHash(env)) return known;
  return setPack(id, env);
}

/**
 * Registers `env` under `id`, keeping the existing pack object when nothing changed: the env view
 * keeps its state (and a run in progress) per pack, so reloading the list must not replace them.
 */
function setPack(id: string, env: CustomEnv): CustomPack {
  const known = packs.get(id);
  const same =
    known && known.custom.title === env.title && known.custom.description === env.description && known.custom.simulator === env.simulator && customEnvHash(known.custom) === customEnvHash(env);
  if (same) return known;
  const pack = customPack(env, id);
  packs.set(id, pack);
  return pack;
}

/** Loads saved custom environments into the pack lookup; resolves to them. */
export async function loadCustomPacks(): Promise<StoredCustomEnv[]> {
  const saved = await listCustomEnvs();
  for (const s of saved) setPack(s.id, s.env);
  return saved;
}

/**
 * The create-your-own-environment editor's state: title, description and the transitions text,
 * parsed on every edit (format detected or chosen) into a preview or row-pointing errors.
 */
export class CustomEnvDraft {
  title = $state('');
  description = $state('');
  text = $state('');
  /** 'auto' detects from the text; the user can force a format. */
  format = $state<TransitionFormat | 'auto'>('auto');
  simulator = $state('');
  saved = $state.raw<StoredCustomEnv[]>([]);
  savedId = $state<string | null>(null);
  saveError = $state<string | null>(null);

  effectiveFormat = $derived<TransitionFormat>(this.format === 'auto' ? detectFormat(this.text) : this.format);
  parsed = $derived<ParseResult | null>(this.text.trim() ? parseTransitions(this.text, this.effectiveFormat) : null);
  id = $derived(customEnvId(this.title));
  canSave = $derived(this.title.trim() !== '' && this.parsed?.ok === true);

  async refresh(): Promise<void> {
    this.saved = await loadCustomPacks();
  }

  /** Saves the environment; resolves to its id, or null with `saveError` saying what is missing. */
  async save(): Promise<string | null> {
    this.saveError = null;
    if (!this.title.trim()) this.saveError = 'Give the environment a title before saving.';
    else if (!this.parsed?.ok) this.saveError = 'Fix the transitions first: the errors above point at the rows to change.';
    if (this.saveError || !this.parsed?.ok) return null;
    const env = buildCustomEnv({ title: this.title, description: this.description, transitions: this.parsed.transitions, simulator: this.simulator });
    const id = await saveCustomEnv(env);
    setPack(id, env);
    this.savedId = id;
    await this.refresh();
    return id;
  }

  /** Puts a saved environment back into the editor. */
  edit(entry: StoredCustomEnv): void {
    this.title = entry.env.title;
    this.description = entry.env.description;
    this.simulator = entry.env.simulator ?? '';
    this.format = 'jsonl';
    this.text = entry.env.transitions.map((t) => JSON.stringify(t)).join('\n');
  }

  async remove(id: string): Promise<void> {
    await deleteCustomEnv(id);
    packs.delete(id);
    await this.refresh();
  }
}
