import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { plannerRuntimeSource } from '../../core/plan/runtime';
import { acornExpression } from '../realm/acorn-expression';
import { RUNNER_SOURCE } from '../realm/runner-source';

/** Everything a Node runner child evaluates at boot, as text (it reads no file itself). */
export interface BootSources {
  ses: string;
  acorn: string;
  planner: string;
  runner: string;
}

let cached: BootSources | null = null;

/**
 * The texts a child boots from: SES's self-contained build, acorn (syntax-error lines), the
 * planner runtime and the program runner. Read here, by the parent, because the child runs under
 * Node's permission model with no file-system access at all.
 */
export function bootSources(): BootSources {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const sesDir = dirname(require.resolve('ses'));
  cached = {
    ses: readFileSync(join(sesDir, 'ses.umd.min.js'), 'utf8'),
    acorn: acornExpression(readFileSync(require.resolve('acorn'), 'utf8')),
    planner: plannerRuntimeSource(),
    runner: RUNNER_SOURCE,
  };
  return cached;
}
