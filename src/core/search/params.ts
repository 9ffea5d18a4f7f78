/**
 * Reads numeric hyperparameters: every key of `defaults` takes the caller's number when it is a
 * finite number, else the default. Unknown keys are ignored; a wrong type says which key.
 */
export function resolveParams<T extends Record<string, number>>(defaults: T, given: Record<string, unknown> | undefined): T {
  const out = { ...defaults };
  if (!given) return out;
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const v = given[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`search parameter "${key}" must be a finite number (got ${JSON.stringify(v)}); fix it or leave it out to use ${defaults[key]}`);
    }
    (out as Record<string, number>)[key] = v;
  }
  return out;
}
