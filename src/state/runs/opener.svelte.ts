import { decodeRunLink, decodeSettings, type RunSettings } from '../../core/run';
import { findPack } from '../../../envs/index';
import { app } from '../app.svelte';
import type { SharedLink } from '../route';
import { listCustomEnvs, saveImported } from './persistence';

/**
 * Opens `#run=` and `#settings=` links, on load and whenever the hash changes (a link pasted into
 * an open tab). A run link is validated, saved and shown at `#/runs/<id>`; a settings link leads to
 * its environment with the settings waiting in `pendingSettings`. A bad link leaves `error` set
 * for a `role="alert"` message; nothing from a link is executed or fetched.
 */
export class LinkOpener {
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  busy = $state(false);
  /** Settings from a link, for the run controller of `pendingSettings.env` to take. */
  pendingSettings = $state<RunSettings | null>(null);

  /** Opens the link in the URL now and every link the URL changes to; returns the cleanup. */
  start(): () => void {
    return app.watch((route) => {
      if (route.page === 'gallery' && route.link) void this.open(route.link);
    });
  }

  /** Opens one shared link. */
  async open(link: SharedLink): Promise<void> {
    if (link.kind === 'run') await this.openRun(link.payload);
    else await this.openSettings(link.payload);
  }

  /** Returns and clears the settings waiting for `envId`'s run controller. */
  takeSettings(envId: string): RunSettings | null {
    const s = this.pendingSettings;
    if (!s || s.env !== envId) return null;
    this.pendingSettings = null;
    return s;
  }

  private async openRun(payload: string): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const result = await decodeRunLink(payload);
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      const id = await saveImported(result.record);
      this.notice = result.record.trimmed
        ? `This shared run was trimmed to fit in a link (${result.record.trimmed.nodes} nodes originally; this link keeps the best path). Ask for the exported file to see all of it.`
        : null;
      app.replace({ page: 'run', runId: id });
    } finally {
      this.busy = false;
    }
  }

  private async openSettings(payload: string): Promise<void> {
    this.error = null;
    const result = decodeSettings(payload);
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    const env = result.settings.env;
    const known = findPack(env) || (env.startsWith('custom:') && (await listCustomEnvs()).some((e) => e.id === env));
    if (!known) {
      this.error = `The settings link is for the environment "${env}", which this playground does not have${env.startsWith('custom:') ? ' (custom environments travel in run links and files, not in settings links)' : ''}. Pick an environment in the gallery.`;
      return;
    }
    this.pendingSettings = result.settings;
    this.notice = `Settings from the link: ${result.settings.strategy}, budget ${result.settings.budget}, seed ${result.settings.seed}.`;
    app.replace({ page: 'env', envId: env });
  }
}

/** The page's one link opener. */
export const linkOpener = new LinkOpener();
