import { pageStorage, type StorageLike } from './keys';

/** The localStorage entry holding each remote provider's base URL and model (never a key). */
export const PROVIDER_STORAGE_NAME = 'cwm-playground.provider-settings';

/** What is remembered of one remote provider. */
export interface RememberedRemote {
  baseUrl: string;
  model: string;
}

/** The provider choice as it is remembered between visits. */
export interface RememberedProviders {
  kind?: 'webllm' | 'openai' | 'anthropic' | 'replay';
  openai?: RememberedRemote;
  anthropic?: RememberedRemote;
}

const KINDS = ['webllm', 'openai', 'anthropic', 'replay'] as const;

function remote(value: unknown): RememberedRemote | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { baseUrl, model } = value as Record<string, unknown>;
  return typeof baseUrl === 'string' && typeof model === 'string' ? { baseUrl, model } : undefined;
}

/**
 * Reads and writes the remembered provider settings. Whatever is stored is checked field by field,
 * so an entry from another version or edited by hand gives the defaults instead of an error; a
 * storage that cannot write (private mode) keeps the page working without memory.
 */
export function createProviderMemory(storage: StorageLike | null) {
  return {
    read(): RememberedProviders {
      try {
        const value = JSON.parse(storage?.getItem(PROVIDER_STORAGE_NAME) ?? '{}') as Record<string, unknown>;
        const kind = KINDS.find((k) => k === value?.kind);
        return { kind, openai: remote(value?.openai), anthropic: remote(value?.anthropic) };
      } catch {
        return {};
      }
    },
    write(settings: RememberedProviders): void {
      try {
        const pick = (r?: RememberedRemote) => (r ? { baseUrl: r.baseUrl, model: r.model } : undefined);
        const safe = { kind: settings.kind, openai: pick(settings.openai), anthropic: pick(settings.anthropic) };
        storage?.setItem(PROVIDER_STORAGE_NAME, JSON.stringify(safe));
      } catch {
        // Storage full or forbidden: the settings last for this tab only.
      }
    },
  };
}

/** The page's provider memory (localStorage under PROVIDER_STORAGE_NAME). */
export const providerMemory = createProviderMemory(pageStorage());
