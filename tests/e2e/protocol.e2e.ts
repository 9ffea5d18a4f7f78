import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getPack } from '../../envs/index';
import { appUrl, launch, newPage, screenshot } from './browser';
import { startFakeOpenAi, type FakeServer, type RecordedRequest } from '../support/fake-openai';
import { cartpoleProgram, fencedAnswer } from './scripted-cartpole';

// The run settings choose the protocol and the description variant; under the paper protocol a
// fix answer's critique is kept on its node and shown in the inspector.

let browser: Browser;
let fake: FakeServer;
const system = (r: RecordedRequest) => (r.body?.messages?.[0]?.content ?? '') as string;
const critiqued = `## Error explanation\nThe program calls forceFor, which is never defined.\n\n## Fix suggestion\nCompute the force inline.\n\n## Correct code\n${fencedAnswer(cartpoleProgram(9.8))}`;
const buggy = cartpoleProgram(9.8).replace('const force = action === 1 ? 10 : -10;', 'const force = forceFor(action);');

beforeAll(async () => {
  browser = await launch();
  fake = await startFakeOpenAi({ respond: (r) => ({ type: 'stream', text: /fails with an error/.test(system(r)) ? critiqued : fencedAnswer(buggy), chunks: 4 }) });
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();
/** Text as it reads, with the template's line breaks folded into spaces. */
const prose = async (page: Page, selector: string) => (await text(page, selector)).replace(/\s+/g, ' ');

describe('protocol and description in the run settings', () => {
  it('switches variants with the protocol, and shows the critique of a paper-protocol fix', async () => {
    const { page, errors } = await newPage(browser);
    const spec = getPack('cartpole').spec;
    await page.goto(appUrl('#/env/cartpole'));
    await page.waitForSelector('[data-testid="env-description"]');
    expect(await page.inputValue('[data-testid="protocol-select"]')).toBe('paper');
    expect(await page.inputValue('[data-testid="description-select"]')).toBe('paper');
    expect(await page.inputValue('[data-testid="env-description"]')).toBe(spec.paperDescription);
    expect(await prose(page, '[data-testid="protocol-note"]')).toMatch(/^paper protocol: the paper's prompts \(critique, then code\), exact reward in search, stop at score 1; temperature /);

    // The playground protocol takes the hinted text and says it is not the paper's set-up.
    await page.selectOption('[data-testid="protocol-select"]', 'playground');
    expect(await page.inputValue('[data-testid="description-select"]')).toBe('hinted');
    expect(await page.inputValue('[data-testid="env-description"]')).toBe(spec.description);
    expect(await text(page, '[data-testid="description-variant-badge"]')).toBe('hinted description');
    expect(await prose(page, '[data-testid="protocol-note"]')).toContain("Not the paper's set-up");
    await screenshot(page, 'protocol-playground');

    // Back to the paper protocol; run against the scripted model: a buggy program, then its fix.
    await page.selectOption('[data-testid="protocol-select"]', 'paper');
    expect(await page.inputValue('[data-testid="env-description"]')).toBe(spec.paperDescription);
    await page.selectOption('[data-testid="provider-select"]', 'openai');
    await page.fill('[data-testid="provider-base-url"]', fake.url);
    await page.fill('[data-testid="provider-model"]', 'scripted-model');
    expect(await prose(page, '[data-testid="protocol-note"]')).toContain('temperature 1, top_p 0.8, top_k 100, max_tokens 1500 (open-weights model');
    await page.fill('[data-testid="run-budget"]', '4');
    await page.click('[data-testid="start-run"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="best-score"]')?.textContent?.trim() === '1.000', null, { timeout: 60_000 });
    expect(fake.requests).toHaveLength(2);
    expect(await text(page, '[data-testid="run-protocol-label"]')).toBe('paper protocol · paper description');
    const [generate, fix] = fake.requests.map((r) => r.body!.messages as { content: string }[]);
    expect(generate[1].content.startsWith(spec.paperDescription!)).toBe(true);
    expect(fix[1].content).toContain('## Error explanation');
    expect(fix[1].content).toContain('## Correct code');
    // Sampling: the paper's open-weights preset for a model on a local server.
    expect(fake.requests[0].body).toMatchObject({ temperature: 1, top_p: 0.8, max_tokens: 1500 });

    await page.click('[data-testid="tree-node"][data-score="1"]');
    await page.waitForSelector('[data-testid="node-critique"]');
    expect(await text(page, '[data-testid="node-critique"] pre')).toBe('## Error explanation\nThe program calls forceFor, which is never defined.\n\n## Fix suggestion\nCompute the force inline.');
    await screenshot(page, 'protocol-critique');
    expect(errors).toEqual([]);
  });
});
