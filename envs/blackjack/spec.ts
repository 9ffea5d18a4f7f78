import type { EnvSpec } from '../../src/core/env/types';
import { paperDescription } from './description-paper';

/** Blackjack-v1 as Gymnasium 0.29.1 registers it: infinite deck, Sutton & Barto rules (sab=True). */
export const spec: EnvSpec = {
  id: 'blackjack',
  title: 'Blackjack',
  gymId: 'Blackjack-v1',
  paperDescription,
  description: `A single hand of blackjack against a dealer, dealt from an infinite deck (cards are drawn with replacement).

Cards: every draw picks uniformly from the 13 ranks [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10]: an ace is 1, number cards are their value, and jack, queen and king are all 10 (so a 10 comes up with probability 4/13).

Hand value: add the card values. A hand holds a "usable ace" when it contains at least one ace and counting one ace as 11 (adding 10 to the total) does not take the total above 21; the hand's sum is then the total plus 10. A hand whose sum exceeds 21 is bust.

State: an array [player_sum, dealer_card, usable_ace] of integers: the player's current hand sum (with the usable ace counted as 11 when there is one; it can exceed 21 after a bust), the value of the dealer's face-up card (1 for an ace, 2..10), and 1 if the player holds a usable ace, else 0. The dealer also holds a face-down card that is not part of the state.

Actions: 0 = stick (stop taking cards), 1 = hit (take one more card).

Hit: draw one card and add it to the player's hand; recompute player_sum and usable_ace. If the new sum is above 21 the player is bust: reward -1 and done is true. Otherwise reward 0 and done is false. dealer_card never changes.

Stick: the episode ends (done is true) and the returned state is the current state unchanged. The dealer reveals the face-down card and keeps drawing cards while the dealer's sum (same usable-ace rule) is below 17. A bust hand scores 0, otherwise its sum. Reward is +1 if the player's score is higher than the dealer's, -1 if lower, 0 on a tie. Natural rule: if the player's hand is a natural (exactly two cards, an ace and a 10-valued card) and the dealer's is not, the player wins with +1 regardless. Since the state does not record how many cards the player holds, treat a state with player_sum 21 and a usable ace as a natural.

Randomness: the card draws are random; the program should sample them with Math.random (the face-down dealer card can be drawn when the dealer plays). Rewards are always -1, 0 or +1.`,
  observation: { kind: 'multi-discrete', nvec: [32, 11, 2], labels: ['player sum', 'dealer card', 'usable ace'] },
  action: { kind: 'discrete', n: 2, labels: ['stick', 'hit'] },
  stateComparison: 'exact',
  episodeLimit: null,
  planner: 'mcts',
  hasSimulator: true,
  cwmb: true,
  stochastic: true,
  keys: { s: 0, ArrowDown: 0, h: 1, ArrowUp: 1 },
};
