import type { RunRecord } from './types';
import { LIMITS } from './limits';
import { keylessRecord } from './keyless';
import { validateRunRecord, type RecordResult } from './validate';

/** The JSON text of a run file: the keyless record, indented so it diffs and reads well. */
export function exportRunFile(record: RunRecord): string {
  return JSON.stringify(keylessRecord(record), null, 1) + '\n';
}

/** A file name for a run export: `cwm-run-<env>-<strategy>-<date>.json`, safe on every OS. */
export function runFileName(record: RunRecord): string {
  const date = record.createdAt
    .slice(0, 19)
    .replace(/[^0-9T]/g, '')
    .replace('T', '-');
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
  return `cwm-run-${safe(record.env.id)}-${safe(record.strategy)}-${date || 'undated'}.json`;
}

/**
 * Reads a run file's text: size cap, JSON parse, then `validateRunRecord`; the record comes back
 * keyless. Every failure says what was wrong with the file and what to do.
 */
export function importRunFile(text: string): RecordResult {
  if (text.length > LIMITS.fileChars) {
    return { ok: false, error: `The file is ${(text.length / 1e6).toFixed(1)} MB; run files up to ${LIMITS.fileChars / 1024 / 1024} MB are accepted. Is this really a run export?` };
  }
  if (text.trim() === '') return { ok: false, error: 'The file is empty. Choose a run file exported from the Runs page or written by `cwm search --out`.' };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message}). It may be cut short or not a run export; export the run again.` };
  }
  const result = validateRunRecord(json);
  return result.ok ? { ok: true, record: keylessRecord(result.record) } : result;
}
