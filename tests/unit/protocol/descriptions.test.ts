import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packs } from '../../../envs/index';
import { paperDescription as humanoid } from '../../../envs/humanoid/description-paper';
import { paperDescription as humanoidStandup } from '../../../envs/humanoid-standup/description-paper';
import { defaultVariant, descriptionText, descriptionVariants } from '../../../src/core/protocol';

// SHA-256 (first 16 hex digits) of each paper description, taken when the texts were copied from
// the CWMB prompt data and checked byte for byte against it; a changed byte fails here.
const PAPER_TEXT_SHA256: Record<string, string> = {
  cartpole: '4ac415d1ecfba3d4',
  mountaincar: '5c9c1bf513e658b9',
  acrobot: 'b046a32ab8ee753d',
  pendulum: 'e35bc4369f2ab31a',
  blackjack: 'ec4a39690dd453c9',
  cliffwalking: '221986cbb3661660',
  taxi: '634f0fb7c379d48b',
  'mountaincar-continuous': '4bad9f9a365d40fe',
  reacher: '14d3bbae2a16b167',
  pusher: '13b2ce5564f5575b',
  'inverted-pendulum': '7722ad55a3300d68',
  'inverted-double-pendulum': 'b117688f9f5ee70e',
  halfcheetah: '234532ad05c72c04',
  hopper: '645eb55a061b4c6c',
  swimmer: 'de28c3b8bcbc89fa',
  walker2d: '72a37b45b3063cf0',
  ant: 'ec28fc4270187f5d',
  'Humanoid-v4': 'bc281821b7237df2',
  'HumanoidStandup-v4': '7e4dc6794e2e1337',
};
const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('paper descriptions', () => {
  it('every CWMB environment has the paper text, unchanged', () => {
    const cwmb = packs.filter((p) => p.spec.cwmb);
    expect(cwmb).toHaveLength(16);
    for (const p of packs) {
      if (p.spec.paperDescription === undefined) continue;
      expect([p.spec.id, sha(p.spec.paperDescription)]).toEqual([p.spec.id, PAPER_TEXT_SHA256[p.spec.id]]);
    }
    for (const p of cwmb) expect(p.spec.paperDescription, p.spec.id).toBeDefined();
    expect(sha(humanoid)).toBe(PAPER_TEXT_SHA256['Humanoid-v4']);
    expect(sha(humanoidStandup)).toBe(PAPER_TEXT_SHA256['HumanoidStandup-v4']);
  });

  it('are documentation-level: no constants or integrator of the hinted text', () => {
    const cartpole = packs.find((p) => p.spec.id === 'cartpole')!.spec;
    expect(cartpole.paperDescription!.startsWith('## Description\n\nA pole is attached by an un-actuated joint to a cart')).toBe(true);
    expect(cartpole.paperDescription).not.toMatch(/tau|9\.8|Euler/);
    expect(cartpole.description).toMatch(/tau = 0\.02/);
    // The slice ends with the blank line before the paper's "## Class Definition".
    for (const p of packs) if (p.spec.paperDescription) expect(p.spec.paperDescription.endsWith('\n\n'), p.spec.id).toBe(true);
  });

  it('offer the paper variant where there is one and fall back to hinted elsewhere', () => {
    const lake = packs.find((p) => p.spec.id === 'frozenlake-4x4')!.spec;
    const taxi = packs.find((p) => p.spec.id === 'taxi')!.spec;
    expect(descriptionVariants(taxi)).toEqual(['paper', 'hinted']);
    expect(descriptionVariants(lake)).toEqual(['hinted']);
    expect(defaultVariant(taxi, 'paper')).toBe('paper');
    expect(defaultVariant(taxi, 'playground')).toBe('hinted');
    expect(defaultVariant(lake, 'paper')).toBe('hinted');
    expect(descriptionText(taxi, 'paper')).toBe(taxi.paperDescription);
    expect(descriptionText(taxi, 'hinted')).toBe(taxi.description);
    expect(() => descriptionText(lake, 'paper')).toThrow('frozenlake-4x4 has no paper description (the paper did not use this environment); use the hinted description instead');
  });
});
