import { BEATS, GOAL_GROUP, parseThing } from './rules';

/** How a board object is drawn: a symbol, a readable label, a colour class and a tooltip. */
export interface Tile {
  kind: 'wall' | 'empty' | 'you' | 'monster' | 'item' | 'unknown';
  symbol: string;
  label: string;
  /** Monster element or item modifier, drawn as the tile's colour. */
  tone: string;
  title: string;
}

// Two-letter monograms rather than emoji: they read the same on every system font.
const monogram = (name: string) => name[0].toUpperCase() + name[1];

/** The tile of one object string of a board cell (`"cold dragon"`, `"shimmering axe"`, `"you"`…). */
export function tileOf(text: string): Tile {
  const thing = parseThing(text);
  switch (thing.kind) {
    case 'wall':
      return { kind: 'wall', symbol: '', label: '', tone: 'wall', title: 'wall' };
    case 'empty':
      return { kind: 'empty', symbol: '', label: '', tone: 'empty', title: 'empty' };
    case 'you':
      return { kind: 'you', symbol: '☺', label: 'you', tone: 'you', title: 'you (the player)' };
    case 'monster': {
      const goal = thing.group === GOAL_GROUP ? ', the goal' : '';
      return {
        kind: 'monster',
        symbol: monogram(thing.name),
        label: `${thing.element} ${thing.name}`,
        tone: thing.element,
        title: `${text}: ${thing.group}${goal}; beaten by ${BEATS[thing.element].join(' or ')} items`,
      };
    }
    case 'item': {
      const beats = Object.entries(BEATS).find(([, mods]) => mods.includes(thing.modifier))?.[0];
      return { kind: 'item', symbol: monogram(thing.name), label: `${thing.modifier} ${thing.name}`, tone: beats ?? 'item', title: `${text}: beats ${beats ?? 'nothing the manual names'} monsters` };
    }
    default:
      return { kind: 'unknown', symbol: '?', label: text, tone: 'unknown', title: `"${text}" is not an object the manual names` };
  }
}
