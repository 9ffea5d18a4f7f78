/** An observation as the JSON text a planning realm parses; −0 kept, as atan2 cares. */
export function encodeObs(obs: number | number[]): string {
  const one = (x: number) => (Object.is(x, -0) ? '-0' : Number.isFinite(x) ? String(x) : 'null');
  return Array.isArray(obs) ? `[${obs.map(one).join(',')}]` : one(obs);
}
