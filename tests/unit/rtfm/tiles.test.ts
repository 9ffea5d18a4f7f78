import { describe, expect, it } from 'vitest';
import { ITEMS, MODIFIERS, MONSTERS, ELEMENTS } from '../../../envs/rtfm/rules';
import { tileOf } from '../../../envs/rtfm/tiles';

describe('RTFM tiles', () => {
  it('gives every monster and item of the manual its own readable symbol', () => {
    const symbols = [...MONSTERS.map((m) => tileOf(`cold ${m}`).symbol), ...ITEMS.map((i) => tileOf(`blessed ${i}`).symbol)];
    expect(new Set(symbols).size).toBe(MONSTERS.length + ITEMS.length);
    expect(tileOf('cold dragon')).toMatchObject({ kind: 'monster', symbol: 'Dr', label: 'cold dragon', tone: 'cold' });
    expect(tileOf('fire demon').symbol).toBe('De');
  });

  it('colours an item by the element it beats and explains monsters by group and weakness', () => {
    expect(tileOf('shimmering axe')).toMatchObject({ kind: 'item', tone: 'cold', title: 'shimmering axe: beats cold monsters' });
    expect(tileOf('cold dragon').title).toBe('cold dragon: order of the forest, the goal; beaten by fanatical or shimmering items');
    for (const e of ELEMENTS) expect(tileOf(`${e} wolf`).kind).toBe('monster');
    for (const m of MODIFIERS) expect(tileOf(`${m} sword`).kind).toBe('item');
  });

  it('marks strings the manual does not name instead of hiding them', () => {
    expect(tileOf('purple unicorn')).toMatchObject({ kind: 'unknown', symbol: '?', label: 'purple unicorn' });
    expect(tileOf('wall').kind).toBe('wall');
    expect(tileOf('you').label).toBe('you');
  });
});
