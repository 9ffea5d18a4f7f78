import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launch, newPage, screenshot } from './browser';
import { layoutTree, moveSelection, syntheticRecord } from '../../src/core/layout';

// The tree view, progress chart, inspector and Play on the dev route `#/tree-bench`: a synthetic
// run of `n` nodes, or (`demo=cartpole`) a small real CartPole run scored in the sandbox.

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function openBench(query: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page, errors } = await newPage(browser);
  await page.goto(appUrl(`#/tree-bench?${query}`), { timeout: 120_000 });
  await page.waitForSelector('[data-testid="tree-bench"]');
  return { page, errors, close: () => context.close() };
}

const nodes = (page: Page) => page.locator('[data-testid="tree-viewport"] [data-testid="tree-node"]');

/** Screen rectangles of every SVG tree node, as the user sees them. */
function nodeBoxes(page: Page): Promise<{ id: number; x: number; y: number }[]> {
  return page.$$eval('svg [data-testid="tree-node"]', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: Number(el.getAttribute('data-node-id')), x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );
}

describe('tree view with 2,000 synthetic nodes', () => {
  it('draws one element per node with its action and score, and one merged link path', async () => {
    const { page, errors, close } = await openBench('n=2000');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tree-node"]').length === 2000);
    const record = syntheticRecord(2000, 1);
    const attrs = await page.$$eval('[data-testid="tree-node"]', (els) =>
      els.map((el) => [Number(el.getAttribute('data-node-id')), el.getAttribute('data-action'), Number(el.getAttribute('data-score'))]),
    );
    expect(attrs).toEqual(record.nodes.map((n) => [n.id, n.action, n.score]));
    // Links are one path whatever the size: 1,999 "M" commands in a single element.
    const linkPaths = await page.$$eval('svg path.links', (els) => els.map((el) => (el.getAttribute('d') ?? '').split('M').length - 1));
    expect(linkPaths).toEqual([1999]);
    // The best path is highlighted: root → best node.
    const best = layoutTree(record.nodes, record.best).bestPath;
    const onPath = await page.$$eval('[data-testid="tree-node"].best', (els) => els.map((el) => Number(el.getAttribute('data-node-id'))));
    expect(onPath.sort((a, b) => a - b)).toEqual([...best].sort((a, b) => a - b));
    // Fitted to 2,000 nodes the glyphs are too small to read, so they are hidden.
    expect(await page.locator('[data-testid="tree-viewport"].labels').count()).toBe(0);
    await screenshot(page, 'tree-2000');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('tree view interactions (60 nodes)', () => {
  const record = syntheticRecord(60, 1);
  const layout = layoutTree(record.nodes, record.best);

  it('shows score and action on hover, selects on click, and moves with arrow keys', async () => {
    const { page, errors, close } = await openBench('n=60&expanding=1');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tree-node"]').length === 60);
    expect(await page.locator('[data-testid="tree-viewport"].labels').count()).toBe(1);
    const boxes = await nodeBoxes(page);
    const target = layout.nodes.find((n) => n.action === 'improve')!;
    const box = boxes.find((b) => b.id === target.id)!;
    await page.mouse.move(box.x, box.y);
    const tip = page.locator('[data-testid="tree-tooltip"]');
    await tip.waitFor();
    expect(await tip.textContent()).toContain(`#${target.id} improve`);
    expect(await tip.textContent()).toContain(`score ${target.score.toFixed(3)}`);

    await page.mouse.click(box.x, box.y);
    await expect.poll(() => page.locator('[data-testid="bench-selected"]').textContent()).toBe(`Selected: ${target.id}`);
    expect(await page.getAttribute(`[data-node-id="${target.id}"]`, 'aria-selected')).toBe('true');

    // Keyboard: from the clicked node, up to its parent, down to a child, then to a sibling.
    await page.focus('[data-testid="tree-viewport"]');
    let expected: number | null = target.id;
    for (const [key, move] of [
      ['ArrowUp', 'parent'],
      ['ArrowDown', 'child'],
      ['ArrowRight', 'next'],
      ['ArrowLeft', 'prev'],
      ['ArrowUp', 'parent'],
      ['ArrowUp', 'parent'],
    ] as const) {
      await page.keyboard.press(key);
      expected = moveSelection(layout.nodes, expected, move);
      await expect.poll(() => page.locator('[data-testid="bench-selected"]').textContent()).toBe(`Selected: ${expected}`);
    }

    // The node being expanded pulses and shows the streamed tokens.
    expect(await page.locator('.pulse').count()).toBe(1);
    expect(await page.locator('[data-testid="tree-streaming"]').textContent()).toContain('this.gravity = 9.8;');
    await page.mouse.move(5, 795);
    await screenshot(page, 'tree-60-expanding');
    expect(errors).toEqual([]);
    await close();
  });

  it('zooms with the wheel and "Fit" brings every node back into view', async () => {
    const { page, errors, close } = await openBench('n=60');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="tree-node"]').length === 60);
    const vp = (await page.locator('[data-testid="tree-viewport"]').boundingBox())!;
    const inside = async () => (await nodeBoxes(page)).filter((b) => b.x >= vp.x && b.x <= vp.x + vp.width && b.y >= vp.y && b.y <= vp.y + vp.height).length;
    expect(await inside()).toBe(60);
    await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 3);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -300);
    await expect.poll(inside).toBeLessThan(60);
    await page.click('[data-testid="tree-fit"]');
    await expect.poll(inside).toBe(60);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.mouse.move(5, 795);
    await screenshot(page, 'tree-60-dark');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('tree view past 5,000 nodes', () => {
  it('draws on a canvas and keeps an accessible list of every node that can select', async () => {
    const { page, errors, close } = await openBench('n=6000');
    await page.waitForSelector('[data-testid="tree-canvas"]');
    expect(await page.locator('svg [data-testid="tree-node"]').count()).toBe(0);
    expect(await nodes(page).count()).toBe(6000);
    expect(await page.getAttribute('li[data-node-id="17"]', 'data-action')).toBe(syntheticRecord(6000, 1).nodes[17].action);
    await page.locator('li[data-node-id="17"] button').dispatchEvent('click');
    await expect.poll(() => page.locator('[data-testid="bench-selected"]').textContent()).toBe('Selected: 17');
    await screenshot(page, 'tree-6000-canvas');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('inspector, user code and Play on a CartPole run', () => {
  it('shows the changed lines, the first failing transition, the bug, and scores a user program', async () => {
    const { page, errors, close } = await openBench('demo=cartpole');
    const inspector = page.locator('[data-testid="node-inspector"]');
    await inspector.waitFor();
    // Node 3 fixed the gravity of node 1: exactly one line differs, highlighted in CodeMirror.
    await page.click('[data-node-id="3"]');
    await page.waitForSelector('[data-testid="code-editor"][data-ready="true"]');
    expect(await page.locator('.cm-changed-line').count()).toBe(1);
    expect(await page.locator('.cm-changed-line').textContent()).toContain('this.gravity = 9.8;');
    await screenshot(page, 'inspector-code');

    // Node 1 (gravity 9.0) fails on a transition: expected vs predicted, re-scored in the sandbox.
    await page.click('[data-node-id="1"]');
    await page.click('#inspector-tab-failure');
    const failure = page.locator('[data-testid="first-failure"] table');
    await failure.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="first-failure"] tr.bad').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="first-failure"]').textContent()).toContain('First failing transition');
    await screenshot(page, 'inspector-failure');

    // Node 2 is buggy: its cleaned error is shown.
    await page.click('[data-node-id="2"]');
    expect(await page.locator('[data-testid="node-bug"]').textContent()).toContain('thetta is not defined');

    // Edit & score from node 1: fixing the gravity joins the tree as a user node scoring 1.
    await page.click('[data-node-id="1"]');
    await page.click('#inspector-tab-edit');
    await page.waitForSelector('[data-testid="code-editor"][data-ready="true"]');
    await page.click('.cm-content');
    await page.keyboard.press('Control+f');
    const search = page.locator('.cm-search input[name="search"]');
    await search.fill('9.0');
    await page.locator('.cm-search input[name="replace"]').fill('9.8');
    await page.locator('.cm-search button[name="replaceAll"]').click();
    await page.click('[data-testid="score-program"]');
    const result = page.locator('[data-testid="user-score"]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain('score 1.0000');
    expect(await page.locator('[data-testid="tree-node"][data-action="user"]').count()).toBe(1);
    expect(await page.getAttribute('[data-testid="tree-node"][data-action="user"]', 'data-score')).toBe('1');
    await screenshot(page, 'inspector-user-code');
    expect(errors).toEqual([]);
    await close();
  });

  it('plays the synthesized model beside the real simulator and flags the first divergence', async () => {
    const { page, errors, close } = await openBench('demo=cartpole');
    await page.locator('[data-testid="play-model"]').waitFor();
    // Node 1's gravity is wrong: the worlds part on the first step that moves the pole.
    await page.focus('.synth-play [role="application"]');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getAttribute('[data-testid="play-model"]', 'data-steps')).toBe(String(i + 1));
    }
    const divergence = page.locator('[data-testid="divergence"]');
    await divergence.waitFor();
    expect(Number(await divergence.getAttribute('data-step'))).toBe(1);
    expect(await divergence.textContent()).toContain('state[3]');
    await page.locator('.synth-play').scrollIntoViewIfNeeded();
    await screenshot(page, 'synth-play-divergence');

    // The correct program (node 3) agrees with the real simulator step after step.
    await page.click('[data-node-id="3"]');
    await page.focus('.synth-play [role="application"]');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      await expect.poll(() => page.getAttribute('[data-testid="play-model"]', 'data-steps')).toBe(String(i + 1));
    }
    expect(await page.locator('[data-testid="divergence"]').count()).toBe(0);
    expect(await page.locator('[data-testid="agreement"]').textContent()).toContain('all 5 steps');
    expect(errors).toEqual([]);
    await close();
  });
});
