import { describe, expect, test } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { backup } from '../../../src/core/search/backup';
import { bugValue, fixChain } from '../../../src/core/search/fix-chain';
import { localValue } from '../../../src/core/search/local-value';
import { createRoot, type TreeNode } from '../../../src/core/search/tree';
import { select, uct, untriedValue } from '../../../src/core/search/uct';
import { ValueModel, ValuePredictor } from '../../../src/core/search/value-model';

const P = { uctC: 0.1, epsilon: 1 };
const defaults = { priorGenerate: 0.5, priorImprove: 0.55, priorFix: 0.5, priorCount: 2, wG: 0.5, wL: 0.5 };

function child(parent: TreeNode, id: number, action: TreeNode['action'], visits: number, valueSum: number): TreeNode {
  const n = createRoot();
  Object.assign(n, { id, parent, action, visits, valueSum });
  parent.slots.push({ kind: action as 'generate', child: n });
  return n;
}

describe('UCT = v + C·sqrt(ln N / (n + ε))', () => {
  test('hand-computed values', () => {
    // 0.5 + 0.1·sqrt(ln 10 / 4) = 0.5 + 0.1·sqrt(2.302585/4) = 0.5 + 0.1·0.758710 = 0.575871
    expect(uct(0.5, 3, 10, P)).toBeCloseTo(0.575871, 6);
    // The root's first visit: ln 1 = 0, so only the value counts.
    expect(uct(0.3, 0, 1, P)).toBe(0.3);
    // C = 1, ε = 0.5: 0.2 + sqrt(ln 4 / 1.5) = 0.2 + sqrt(0.924196) = 0.2 + 0.961351 = 1.161351
    expect(uct(0.2, 1, 4, { uctC: 1, epsilon: 0.5 })).toBeCloseTo(1.161351, 6);
  });

  test('an untried action uses its predicted value, clipped to [0, 1]', () => {
    const model = ValueModel.fromParams(defaults);
    const root = createRoot();
    // No expanded sibling: v = v_G = prior.
    expect(untriedValue(root, 'improve', model)).toBe(0.55);
    child(root, 1, 'generate', 1, 0.8);
    child(root, 2, 'generate', 2, 0.4); // mean 0.2
    // v_L = (0.8 + 0.2)/2 = 0.5; v = (0.5·0.5 + 0.5·0.5)/1 = 0.5
    expect(untriedValue(root, 'generate', model)).toBe(0.5);
    model.predictors.generate.state.sum = 10; // v_G = 10/2 = 5 → (5·0.5 + 0.5·0.5) = 2.75 → clipped
    expect(untriedValue(root, 'generate', model)).toBe(1);
    model.predictors.generate.state.sum = -10;
    expect(untriedValue(root, 'generate', model)).toBe(0);
  });

  test('selection: exact ties break by the seeded RNG, one draw per tie', () => {
    const model = ValueModel.fromParams(defaults);
    const root = createRoot();
    root.visits = 5;
    const a = child(root, 1, 'generate', 2, 1.0);
    const b = child(root, 2, 'generate', 2, 1.0);
    a.slots = [{ kind: 'generate', child: null }];
    b.slots = [{ kind: 'generate', child: null }];
    const picks = Array.from({ length: 8 }, (_, seed) => select(root, model, P, Rng.seeded(seed)).parent.id);
    // Rng.seeded(s).int(2) for s = 0..7
    expect(picks).toEqual(Array.from({ length: 8 }, (_, s) => 1 + Rng.seeded(s).int(2)));
    expect(new Set(picks)).toEqual(new Set([1, 2]));
    // No tie → no draw: the RNG state is untouched.
    b.valueSum = 0.9;
    const rng = Rng.seeded(3);
    const before = rng.state();
    expect(select(root, model, P, rng).parent.id).toBe(1);
    expect(rng.state()).toEqual(before);
  });

  test('selection skips exhausted children', () => {
    const model = ValueModel.fromParams(defaults);
    const root = createRoot([{ kind: 'generate', child: null }]);
    root.visits = 3;
    const dead = child(root, 1, 'generate', 1, 0.99);
    dead.exhausted = true;
    const s = select(root, model, P, Rng.seeded(1));
    expect(s.parent).toBe(root);
    expect(s.slot.child).toBeNull();
  });
});

describe('value model: v = (w_G·v_G + w_L·v_L)/(w_G + w_L), SGD with lr 1/n', () => {
  test('one update by hand', () => {
    const p = ValuePredictor.withPrior(0.55, 2, 0.5, 0.5);
    expect(p.state).toEqual({ sum: 1.1, count: 2, wG: 0.5, wL: 0.5, n: 3 });
    // pred = (0.5·0.55 + 0.5·0.1)/1 = 0.325; target 0.9: g = 2(0.325−0.9) = −1.15
    // ∂w_G = −1.15·(0.55−0.325)/1 = −0.25875, ∂w_L = −1.15·(0.1−0.325) = 0.25875; lr = 1/3
    // w_G = 0.5 + 0.08625 = 0.58625, w_L = 0.5 − 0.08625 = 0.41375, n = 4
    expect(p.learn(p.globalValue(), 0.1, 0.9)).toBeCloseTo(0.325, 12);
    expect(p.state.wG).toBeCloseTo(0.58625, 12);
    expect(p.state.wL).toBeCloseTo(0.41375, 12);
    expect(p.state.n).toBe(4);
    // Second step, lr 1/4: v_G 0.55, v_L 0.6: pred = (0.58625·0.55 + 0.41375·0.6)/1 = 0.5706875
    // target 0: g = 1.141375; ∂w_G = 1.141375·(0.55−0.5706875) = −0.023612, ∂w_L = 1.141375·0.0293125 = 0.033457
    // w_G = 0.58625 + 0.005903 = 0.592153, w_L = 0.41375 − 0.008364 = 0.405386
    expect(p.learn(0.55, 0.6, 0)).toBeCloseTo(0.5706875, 12);
    expect(p.state.wG).toBeCloseTo(0.592153, 6);
    expect(p.state.wL).toBeCloseTo(0.4053858, 6);
    p.observe(0.9);
    expect(p.globalValue()).toBeCloseTo(2.0 / 3, 12);
  });

  test('without v_L the prediction is v_G and the weights do not move (only n grows)', () => {
    const p = ValuePredictor.withPrior(0.5, 2, 0.5, 0.5);
    expect(p.learn(0.5, null, 1)).toBe(0.5);
    expect(p.state).toEqual({ sum: 1, count: 2, wG: 0.5, wL: 0.5, n: 4 });
  });

  test('v_L averages expanded children of that type only, unvisited ones at 0', () => {
    const root = createRoot();
    child(root, 1, 'generate', 2, 1.2); // 0.6
    child(root, 2, 'generate', 0, 0.99); // unvisited buggy: 0
    child(root, 3, 'improve', 1, 0.9);
    expect(localValue(root, 'generate')).toBeCloseTo(0.3, 12);
    expect(localValue(root, 'improve')).toBe(0.9);
    expect(localValue(root, 'fix')).toBeNull();
  });
});

describe('backup and fix chain', () => {
  test('γ = 1: the leaf and its ancestors gain a visit and the score; a terminal leaf keeps 0', () => {
    const root = createRoot();
    root.visits = 1;
    const a = child(root, 1, 'generate', 1, 0.5);
    const leaf = child(a, 2, 'generate', 0, 0);
    leaf.terminal = true;
    backup([root, a], leaf, 0.7, 1, false);
    expect([root.visits, root.valueSum, a.visits, a.valueSum, leaf.visits, leaf.valueSum]).toEqual([2, 0.7, 2, 1.2, 1, 0]);
  });

  test('γ < 1 discounts the score per level above the leaf', () => {
    const root = createRoot();
    const a = child(root, 1, 'generate', 0, 0);
    const leaf = child(a, 2, 'generate', 0, 0);
    backup([root, a], leaf, 0.8, 0.5, false);
    expect([leaf.valueSum, a.valueSum, root.valueSum]).toEqual([0.8, 0.4, 0.2]);
  });

  test('a buggy leaf backs up visits only and its temporary value becomes its mean', () => {
    const root = createRoot();
    root.visits = 2;
    root.valueSum = 0.8;
    const leaf = child(root, 1, 'generate', 0, 0.99);
    backup([root], leaf, 0, 1, true);
    expect([root.visits, root.valueSum, leaf.visits, leaf.valueSum]).toEqual([3, 1.2000000000000002, 1, 0.99]);
  });

  test('temporary values are linspace(0, 0.99, 4) and the chain stops at the first non-fix ancestor', () => {
    expect([3, 2, 1, 0].map((k) => bugValue(k, 3, 0.99))).toEqual([0.99, 0.66, 0.33, 0]);
    expect(bugValue(0, 0, 0.99)).toBe(0);
    const root = createRoot();
    const g = child(root, 1, 'generate', 1, 0);
    const i = child(g, 2, 'improve', 1, 0);
    const f1 = child(i, 3, 'fix', 1, 0);
    const f2 = child(f1, 4, 'fix', 1, 0);
    expect(fixChain(f2).map((n) => n.id)).toEqual([4, 3, 2]);
    expect(fixChain(i).map((n) => n.id)).toEqual([2]);
  });
});
