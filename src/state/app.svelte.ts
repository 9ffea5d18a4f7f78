import { untrack } from 'svelte';
import type { RunRecord } from '../core/run/types';
import { parseRoute, routeHash, type Route } from './route';

/** The user's theme choice: follow the system, or force one. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** A short message at the corner of the screen; errors are announced as alerts. */
export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
}

/** A saved run handed to its environment's page, which continues it (paused) from `record`. */
export interface Continuation {
  record: RunRecord;
  /** The saved entry it came from: the continued run keeps saving there. */
  savedId?: string;
}

const THEME_KEY = 'cwm.theme';
const TOAST_MS = 6000;

function readTheme(): ThemeChoice {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system'; // storage blocked (private mode, sandbox): follow the system
  }
}

/**
 * App-wide state: the current page, the theme and the toasts. It owns the URL: it is the only code
 * that reads or writes `location.hash` and the only `hashchange` listener; the rest of the app
 * navigates with typed routes through `go` and `replace`, and hears links through `watch`.
 */
export class AppState {
  route = $state.raw<Route>(parseRoute(location.hash));
  theme = $state<ThemeChoice>(readTheme());
  systemDark = $state(matchMedia('(prefers-color-scheme: dark)').matches);
  toasts = $state<Toast[]>([]);
  /** True when the page is drawn dark; canvas renderers take it as an option. */
  dark = $derived(this.theme === 'dark' || (this.theme === 'system' && this.systemDark));
  private nextToast = 1;
  private readonly watchers = new Set<(route: Route) => void>();
  /** The saved run waiting for its environment's page; taken once by that page. */
  private continuation: Continuation | null = null;

  /** Listens to the URL hash and the system theme; returns the cleanup. */
  start(): () => void {
    const onHash = () => {
      const route = parseRoute(location.hash);
      if (routeHash(route) === routeHash(this.route)) return; // already shown (set by `go` or `replace`)
      this.route = route;
      for (const watcher of this.watchers) watcher(route);
    };
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onMedia = () => (this.systemDark = media.matches);
    addEventListener('hashchange', onHash);
    media.addEventListener('change', onMedia);
    this.applyTheme();
    return () => {
      removeEventListener('hashchange', onHash);
      media.removeEventListener('change', onMedia);
    };
  }

  /**
   * Calls `watcher` with the current route now and with every route the URL changes to from
   * outside the app (a link opened or pasted into the tab, the back button, an `<a href>`);
   * returns the cleanup. Routes set with `go` and `replace` are not repeated to it.
   */
  watch(watcher: (route: Route) => void): () => void {
    this.watchers.add(watcher);
    // Untracked: called from an effect, the watcher must not re-run it on every navigation.
    untrack(() => watcher(this.route));
    return () => this.watchers.delete(watcher);
  }

  /** Shows a page; the URL hash changes so the back button returns here. */
  go(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    this.route = route;
  }

  /** Shows a page in place of the current one, without a history entry (where a shared link led). */
  replace(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) location.replace(this.url(route));
    this.route = route;
  }

  /** Opens the environment page of a saved run, which takes it (once) and continues it, paused. */
  continueOn(continuation: Continuation): void {
    this.continuation = continuation;
    this.go({ page: 'env', envId: continuation.record.env.id });
  }

  /** The saved run waiting to be continued on `envId`'s page, taken once; null when there is none. */
  takeContinuation(envId: string): Continuation | null {
    const waiting = this.continuation;
    if (waiting?.record.env.id !== envId) return null;
    this.continuation = null;
    return waiting;
  }

  /** The full URL of a route in this app, for links shared outside it. */
  url(route: Route): string {
    return location.href.split('#')[0] + routeHash(route);
  }

  /** Cycles system → light → dark and remembers the choice on this device. */
  cycleTheme(): void {
    const order: ThemeChoice[] = ['system', 'light', 'dark'];
    this.theme = order[(order.indexOf(this.theme) + 1) % order.length];
    try {
      if (this.theme === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, this.theme);
    } catch {
      // not remembered when storage is blocked; the choice still holds for this visit
    }
    this.applyTheme();
  }

  /** Shows a toast; errors stay until dismissed, others fade after a few seconds. */
  toast(message: string, kind: Toast['kind'] = 'info'): void {
    const id = this.nextToast++;
    this.toasts = [...this.toasts, { id, kind, message }];
    if (kind !== 'error') setTimeout(() => this.dismiss(id), TOAST_MS);
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  private applyTheme(): void {
    // The CSS reads data-theme; without it, prefers-color-scheme decides.
    if (this.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = this.theme;
  }
}

/** The one app state of the page. */
export const app = new AppState();
