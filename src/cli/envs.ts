import { packs } from '../../envs/index';
import { rtfmPack } from '../../envs/rtfm';
import type { Space } from '../core/env/types';

/** A short human description of a space, e.g. `discrete(2)` or `box(1) [-2, 2]`. */
export function describeSpace(space: Space): string {
  if (space.kind === 'discrete') return `discrete(${space.n})`;
  if (space.kind === 'multi-discrete') return `multi-discrete(${space.nvec.join('×')})`;
  const low = Math.min(...space.low);
  const high = Math.max(...space.high);
  return `box(${space.shape[0]}) [${low}, ${high}]`;
}

/** `cwm envs`: one line per environment: id, title, action space, simulator or not. */
export function envsCommand(): number {
  const rows = packs.map((p) => [p.spec.id, p.spec.title, describeSpace(p.spec.action), p.createSimulator ? 'simulator' : 'no simulator']);
  // RTFM (paper Table 3) lives beside the numeric packs: boards, not numbers.
  rows.push([rtfmPack.spec.id, rtfmPack.spec.title, describeSpace(rtfmPack.spec.action), 'simulator · board states (paper Table 3)']);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  '));
  return 0;
}
