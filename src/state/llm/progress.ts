/** Download or load progress of an in-browser model, in the units a person reads. */
export interface DownloadProgress {
  /** 'fetching': downloading weights; 'loading': from the cache onto the GPU; 'other': setup steps. */
  phase: 'fetching' | 'loading' | 'other';
  /** 0..1 */
  fraction: number;
  /** Bytes fetched (or loaded) so far, when WebLLM says. */
  bytes?: number;
  /** Estimated total bytes (bytes ÷ fraction). */
  totalBytes?: number;
  /** Estimated seconds left, from the elapsed time and the fraction done. */
  etaSeconds?: number;
  /** WebLLM's own line. */
  text: string;
}

const MIB = 1024 * 1024;

/**
 * Reads a WebLLM `InitProgressReport`. Its text looks like "Fetching param cache[3/22]: 412MB
 * fetched. 27% completed, 31 secs elapsed. …" or "Loading model from cache[3/22]: 412MB loaded.
 * …" (web-llm's tvmjs `fetchTensorCacheInternal`); other steps are passed through as 'other'.
 */
export function parseProgress(report: { progress: number; timeElapsed: number; text: string }): DownloadProgress {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(report.progress) ? report.progress : 0));
  const match = /(\d+(?:\.\d+)?)\s*MB (fetched|loaded)/.exec(report.text);
  const phase = match ? (match[2] === 'fetched' ? 'fetching' : 'loading') : 'other';
  const progress: DownloadProgress = { phase, fraction, text: report.text };
  if (match) {
    progress.bytes = Math.round(Number(match[1]) * MIB);
    if (fraction > 0) progress.totalBytes = Math.round(progress.bytes / fraction);
  }
  const elapsed = /(\d+(?:\.\d+)?) secs elapsed/.exec(report.text)?.[1];
  const seconds = elapsed !== undefined ? Number(elapsed) : report.timeElapsed;
  if (phase !== 'other' && fraction > 0 && fraction < 1 && seconds > 0) progress.etaSeconds = Math.round((seconds * (1 - fraction)) / fraction);
  if (fraction >= 1) progress.etaSeconds = 0;
  return progress;
}

/** "412 MB of 1.5 GB, about 2 min left" */
export function describeProgress(p: DownloadProgress): string {
  if (p.bytes === undefined) return p.text;
  const size = (b: number) => (b >= 1024 * MIB ? `${(b / (1024 * MIB)).toFixed(1)} GB` : `${Math.round(b / MIB)} MB`);
  const of = p.totalBytes ? ` of ${size(p.totalBytes)}` : '';
  const left = p.etaSeconds === undefined || p.etaSeconds <= 0 ? '' : p.etaSeconds < 90 ? `, about ${p.etaSeconds} s left` : `, about ${Math.round(p.etaSeconds / 60)} min left`;
  return `${p.phase === 'loading' ? 'Loading' : 'Downloading'} ${size(p.bytes)}${of}${left}`;
}
