/** The one localStorage entry that holds remembered API keys, as JSON `{ [providerKind]: key }`. */
export const KEY_STORAGE_NAME = 'cwm-playground.remembered-api-keys';

/** The slice of `Storage` the key store uses (localStorage, or a Map-backed fake in tests). */
export interface StorageLike {
  getItem(name: string): string | null;
  setItem(name: string, value: string): void;
  removeItem(name: string): void;
}

/**
 * API keys remembered on this device, only when the user ticks "remember on this device";
 * otherwise keys live in memory (the model state) and vanish with the tab. Keys never go into
 * run records (`LlmClient.info` has no key) or links. A store that cannot write (private mode,
 * storage disabled) keeps working in memory.
 */
export interface KeyStore {
  read(kind: string): string | undefined;
  write(kind: string, key: string): void;
  forget(kind: string): void;
  /** Removes every remembered key. */
  forgetAll(): void;
}

/** A key store over `storage`; null storage means nothing is remembered. */
export function createKeyStore(storage: StorageLike | null): KeyStore {
  const load = (): Record<string, string> => {
    try {
      const value = JSON.parse(storage?.getItem(KEY_STORAGE_NAME) ?? '{}') as unknown;
      return value && typeof value === 'object' ? (value as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const save = (keys: Record<string, string>) => {
    try {
      if (Object.keys(keys).length === 0) storage?.removeItem(KEY_STORAGE_NAME);
      else storage?.setItem(KEY_STORAGE_NAME, JSON.stringify(keys));
    } catch {
      // Storage full or forbidden: the key stays in memory for this tab only.
    }
  };
  return {
    read: (kind) => {
      const key = load()[kind];
      return typeof key === 'string' && key ? key : undefined;
    },
    write: (kind, key) => save({ ...load(), [kind]: key }),
    forget: (kind) => {
      const { [kind]: _gone, ...rest } = load();
      save(rest);
    },
    forgetAll: () => save({}),
  };
}

/** The page's localStorage, or null where storage is blocked. */
export function pageStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Accessing localStorage throws when storage is blocked.
  }
}

/** The page's key store (localStorage under KEY_STORAGE_NAME). */
export const keyStore: KeyStore = createKeyStore(pageStorage());
