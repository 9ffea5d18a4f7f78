import { Rng } from '../../src/core/rng';
import type { Action, Obs, Simulator } from '../../src/core/env/types';

/** Gymnasium's infinite deck: ace = 1, face cards = 10. */
const DECK = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10];

/** A hand reduced to what the rules need: raw total (aces as 1), whether it holds an ace, card count. */
interface Hand {
  raw: number;
  ace: boolean;
  cards: number;
}

function usableAce(hand: Hand): boolean {
  return hand.ace && hand.raw + 10 <= 21;
}

function sumHand(hand: Hand): number {
  return usableAce(hand) ? hand.raw + 10 : hand.raw;
}

function isNatural(hand: Hand): boolean {
  return hand.cards === 2 && hand.ace && hand.raw === 11;
}

function addCard(hand: Hand, card: number): Hand {
  return { raw: hand.raw + card, ace: hand.ace || card === 1, cards: hand.cards + 1 };
}

/**
 * Reference Blackjack-v1 (Gymnasium 0.29.1, sab=True, natural=False). The state hides the number
 * of player cards and the dealer's face-down card; `setState` keeps them when it is given the
 * state of the episode still in progress (so recording stays faithful) and otherwise rebuilds a
 * hand from the state alone (a soft 21 counts as a natural; the hidden card is drawn when needed).
 */
export class BlackjackSim implements Simulator {
  private player: Hand = { raw: 0, ace: false, cards: 0 };
  private dealer: Hand = { raw: 0, ace: false, cards: 0 };
  private dealerCard = 1;
  /** The hidden cards belong to an unfinished episode and may be kept by `setState`. */
  private live = false;

  /** `rng` draws the cards until the next `reset`, which adopts the episode's generator. */
  constructor(private rng: Rng = Rng.seeded(0)) {}

  private draw(): number {
    return this.rng.pick(DECK);
  }

  private obs(): number[] {
    return [sumHand(this.player), this.dealerCard, usableAce(this.player) ? 1 : 0];
  }

  setState(state: Obs): void {
    const [sum, dealerCard, usable] = state as number[];
    const current = this.obs();
    if (this.live && current[0] === sum && current[1] === dealerCard && current[2] === usable) return;
    this.live = true;
    const ace = usable === 1;
    const raw = ace ? sum - 10 : sum;
    this.player = { raw, ace, cards: ace && sum === 21 ? 2 : 3 };
    this.dealerCard = dealerCard;
    this.dealer = { raw: dealerCard, ace: dealerCard === 1, cards: 1 };
  }

  step(action: Action): [Obs, number, boolean] {
    if (action === 1) {
      this.player = addCard(this.player, this.draw());
      const bust = sumHand(this.player) > 21;
      this.live = !bust;
      return [this.obs(), bust ? -1 : 0, bust];
    }
    // Stick: the dealer plays out the hand (Gymnasium draws while the dealer's sum is below 17).
    this.live = false;
    while (this.dealer.cards < 2 || sumHand(this.dealer) < 17) this.dealer = addCard(this.dealer, this.draw());
    const playerScore = sumHand(this.player) > 21 ? 0 : sumHand(this.player);
    const dealerScore = sumHand(this.dealer) > 21 ? 0 : sumHand(this.dealer);
    let reward = Number(playerScore > dealerScore) - Number(playerScore < dealerScore);
    if (isNatural(this.player) && !isNatural(this.dealer)) reward = 1;
    return [this.obs(), reward, true];
  }

  reset(rng: Rng): Obs {
    // One generator per episode keeps a recording a function of its seed alone.
    this.rng = rng;
    // Gymnasium deals the dealer's two cards first, then the player's two.
    const first = this.draw();
    this.dealer = addCard({ raw: first, ace: first === 1, cards: 1 }, this.draw());
    this.dealerCard = first;
    const a = this.draw();
    this.player = addCard({ raw: a, ace: a === 1, cards: 1 }, this.draw());
    this.live = true;
    return this.obs();
  }
}
