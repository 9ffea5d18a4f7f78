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
let umd: { ses: string; acorn: string } | null = null;

/** The UMD texts of SES and acorn as their packages ship them. */
export function umdTexts(): { ses: string; acorn: string } {
  if (umd) return umd;
  const require = createRequire(import.meta.url);
  umd = { ses: readFileSync(join(dirname(require.resolve('ses')), 'ses.umd.min.js'), 'utf8'), acorn: readFileSync(require.resolve('acorn'), 'utf8') };
  return umd;
}

/**
 * The texts a child boots from: SES's self-contained build, acorn (syntax-error lines), the
 * planner runtime and the program runner. Read here, by the parent, because the child runs under
 * Node's permission model with no file-system access at all.
 */
export function bootSources(): BootSources {
  if (cached) return cached;
  const { ses, acorn } = umdTexts();
  cached = {
    ses,
    acorn: acornExpression(acorn),
    planner: plannerRuntimeSource(),
    runner: RUNNER_SOURCE,
  };
  return cached;
}
