// Share URLs: core payloads placed in the app's own URL. The app state owns `location`; this
// module only asks it for the URL of a link route.
import type { RunRecord } from '../../core/run/types';
import { encodeRunLink, encodeSettings, type RunSettings } from '../../core/run';
import { app } from '../app.svelte';

/** A full share URL for a run, or why there is none (too large: export a file). */
export async function shareUrl(record: RunRecord): Promise<{ ok: true; url: string; trimmed: boolean } | { ok: false; error: string }> {
  const link = await encodeRunLink(record);
  return link.ok ? { ok: true, url: app.url({ page: 'gallery', link: { kind: 'run', payload: link.payload } }), trimmed: link.trimmed } : link;
}

/** A full URL carrying settings alone, for a teacher's starting point. */
export function settingsUrl(settings: RunSettings): string {
  return app.url({ page: 'gallery', link: { kind: 'settings', payload: encodeSettings(settings) } });
}
