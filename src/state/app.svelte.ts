import { parseRoute, routeHash, type Route } from './route';

/** The user's theme choice: follow the system, or force one. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** A short message at the corner of the screen; errors are announced as alerts. */
export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
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

/** App-wide state: the current page (from the URL hash), the theme and the toasts. */
export class AppState {
  route = $state<Route>(parseRoute(location.hash));
  theme = $state<ThemeChoice>(readTheme());
  systemDark = $state(matchMedia('(prefers-color-scheme: dark)').matches);
  toasts = $state<Toast[]>([]);
  /** True when the page is drawn dark; canvas renderers take it as an option. */
  dark = $derived(this.theme === 'dark' || (this.theme === 'system' && this.systemDark));
  private nextToast = 1;

  /** Listens to the URL hash and the system theme; returns the cleanup. */
  start(): () => void {
    const onHash = () => (this.route = parseRoute(location.hash));
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

  /** Shows a page; the URL hash changes so the back button returns here. */
  navigate(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    this.route = route;
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
