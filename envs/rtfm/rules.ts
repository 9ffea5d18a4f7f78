// The game facts of RTFM's `simple_stationary` scenario, read from the manual the paper's model
// received (envs/rtfm/description-paper.ts) and the one the recorded environment produced:
// "shimmering beat cold . grandmasters beat fire . blessed beat lightning . gleaming beat poison .
// dragon are order of the forest . demon are rebel enclave . jinn are star alliance ."

/** Which item modifiers beat which monster element (the manual's "X weapons beat Y monsters"). */
export const BEATS: Readonly<Record<string, readonly string[]>> = {
  cold: ['fanatical', 'shimmering'],
  fire: ['grandmasters', 'soldiers'],
  lightning: ['arcane', 'blessed'],
  poison: ['gleaming', 'mysterious'],
};

/** The group of each monster (the manual's team lines). */
export const GROUPS: Readonly<Record<string, string>> = {
  demon: 'rebel enclave',
  spider: 'rebel enclave',
  bandit: 'rebel enclave',
  mage: 'star alliance',
  goblin: 'star alliance',
  jinn: 'star alliance',
  dragon: 'order of the forest',
  medusa: 'order of the forest',
  wolf: 'order of the forest',
};

export const ELEMENTS = Object.keys(BEATS);
export const MONSTERS = Object.keys(GROUPS);
export const ITEMS = ['axe', 'bow', 'daggers', 'hammer', 'polearm', 'shield', 'staff', 'sword'];
export const MODIFIERS = ['grandmasters', 'blessed', 'shimmering', 'gleaming', 'fanatical', 'mysterious', 'soldiers', 'arcane'];

/** The goal: defeat the monster of this group with an item that beats its element. */
export const GOAL_GROUP = 'order of the forest';

/** The objects of every recorded episode; only their positions change (`groups_simple_stationary-v0`). */
export const SCENARIO = {
  target: 'cold dragon',
  distractor: 'fire demon',
  winningItem: 'shimmering axe',
  distractorItem: 'grandmasters bow',
} as const;

/** What an object string names: a monster (element + name), an item (modifier + name), or a plain tile. */
export type Thing = { kind: 'monster'; element: string; name: string; group: string } | { kind: 'item'; modifier: string; name: string } | { kind: 'wall' | 'empty' | 'you' | 'unknown'; name: string };

/** Reads an object string of a board cell. */
export function parseThing(text: string): Thing {
  if (text === 'wall' || text === 'empty' || text === 'you') return { kind: text, name: text };
  const [first, ...rest] = text.split(' ');
  const name = rest.join(' ');
  if (first in BEATS && name in GROUPS) return { kind: 'monster', element: first, name, group: GROUPS[name] };
  if (MODIFIERS.includes(first) && ITEMS.includes(name)) return { kind: 'item', modifier: first, name };
  return { kind: 'unknown', name: text };
}

/** True when holding `inventory` defeats `monster` (an item whose modifier beats the monster's element). */
export function itemBeats(inventory: string, monster: Thing): boolean {
  if (monster.kind !== 'monster') return false;
  const held = parseThing(inventory);
  return held.kind === 'item' && (BEATS[monster.element] ?? []).includes(held.modifier);
}
