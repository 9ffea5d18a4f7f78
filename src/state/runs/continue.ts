import type { RunRecord } from '../../core/run/types';
import { app } from '../app.svelte';
import { useCustomEnv } from './custom-env.svelte';

/**
 * Opens `record`'s environment page with the run continuing there, paused where it stopped. `id`
 * is the saved entry it came from: the continued run keeps saving there. A custom environment
 * comes from the record itself, so a run from a file or link continues even where it was never
 * saved.
 */
export function continueRun(record: RunRecord, id?: string): void {
  if (record.env.custom) useCustomEnv(record.env.id, record.env.custom);
  app.continueOn({ record, savedId: id });
}
