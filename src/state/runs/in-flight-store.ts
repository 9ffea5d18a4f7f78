import type { InFlight, InFlightStore } from '../../core/run/index';

const PREFIX = 'cwm-in-flight:';

/**
 * The in-flight candidate of one run in localStorage, which the browser keeps outside the page's
 * process, so it survives a tab that crashed. `key()` names the run (its creation time); where
 * localStorage is unavailable or full, nothing is kept and a crash is simply not recognized.
 */
export function localInFlightStore(key: () => string | null): InFlightStore {
  const name = () => {
    const k = key();
    return k ? PREFIX + k : null;
  };
  return {
    read() {
      const n = name();
      try {
        const text = n ? localStorage.getItem(n) : null;
        const v = text ? (JSON.parse(text) as Partial<InFlight>) : null;
        return v && typeof v.program === 'string' && typeof v.completion === 'string' && Array.isArray(v.messages) ? (v as InFlight) : null;
      } catch {
        return null;
      }
    },
    write(value) {
      const n = name();
      try {
        if (n) localStorage.setItem(n, JSON.stringify(value));
      } catch {
        // Full or unavailable: the run goes on without crash protection.
      }
    },
    clear() {
      const n = name();
      try {
        if (n) localStorage.removeItem(n);
      } catch {
        // nothing to clear
      }
    },
  };
}
