import { PAPER_DESCRIPTION } from './description-paper';

/**
 * Hints added to the paper's description for the hinted variant: the facts a careful reader of the
 * recorded games would learn that the paper's text leaves open (what happens to the old item, how a
 * fight ends, which actions are valid). Written for this project.
 */
export const RTFM_HINTS = `## Hints
- Only two monsters and two items ever appear: "cold dragon" (Order of the Forest, the goal group), "fire demon" (Rebel Enclave), "shimmering axe" (beats cold) and "grandmasters bow" (beats fire). They never move; only their positions differ between games.
- The second channel of every cell is "empty" in every recorded game.
- Moving into a wall leaves the board unchanged. Moving onto an empty cell moves "you" there and leaves "empty" behind.
- Moving onto an item picks it up: the inventory becomes that item's string, "you" takes its cell, and the item held before disappears (it is not put back on the board).
- Moving onto a monster is a fight and ends the game (done = true). With an item whose modifier beats the monster's element, the player kills the monster and "you" takes its cell; otherwise the player dies: "you" disappears from the board (its old cell becomes "empty") and the monster stays. The reward is 1 only when the killed monster belongs to the goal group; every other fight (the wrong item, or the wrong monster even when killed) gives -1.
- The valid actions of a state are 0 (Stay) plus every direction whose neighbouring cell is not a wall, in increasing order; when the player is no longer on the board, all five actions 0-4 are valid.`;

/** The paper's description followed by the hints. */
export const HINTED_DESCRIPTION = `${PAPER_DESCRIPTION.trimEnd()}\n\n${RTFM_HINTS}\n`;
