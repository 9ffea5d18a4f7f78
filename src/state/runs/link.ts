// The only module of the runs area that touches `location`: it turns core payloads into URLs and
// URLs back into intents (section 10 of STYLE.md: pure codecs plus a tiny adapter).
import type { RunRecord } from '../../core/run/types';
import { encodeRunLink, encodeSettings, parseHash, runHash, settingsHash, type HashIntent, type RunSettings } from '../../core/run';

/** The page's URL without its hash: where share links point. */
export function baseUrl(): string {
  return location.href.split('#')[0];
}

/** A full share URL for a run, or why there is none (too large: export a file). */
export async function shareUrl(record: RunRecord): Promise<{ ok: true; url: string; trimmed: boolean } | { ok: false; error: string }> {
  const link = await encodeRunLink(record);
  return link.ok ? { ok: true, url: baseUrl() + runHash(link.payload), trimmed: link.trimmed } : link;
}

/** A full URL carrying settings alone, for a teacher's starting point. */
export function settingsUrl(settings: RunSettings): string {
  return baseUrl() + settingsHash(encodeSettings(settings));
}

/** What the current URL hash asks for. */
export function currentIntent(): HashIntent {
  return parseHash(location.hash);
}

/** Replaces the hash without a new history entry; the router hears it as a hashchange. */
export function replaceHash(hash: string): void {
  location.replace(baseUrl() + hash);
}
