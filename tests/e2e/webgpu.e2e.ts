import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { appUrl, CHROMIUM, launch, newPage } from './browser';

// The WebGPU probe in the built page, in the three situations a user meets: no WebGPU API at all,
// an API without a usable adapter, and an adapter without shader-f16 (headless Chromium's software
// adapter, SwiftShader, has WebGPU but not shader-f16). The probe is reached through
// `window.cwmPlayground.probeWebGpu` (src/state/llm/scripting.ts), on an environment's page, where
// the model panel (and with it the probe) lives.

const ENV_PAGE = '#/env/cartpole';

interface ProbeResult {
  status: string;
  usable: boolean;
  shaderF16: boolean;
  message: string;
  adapter?: string;
}

const browsers: Browser[] = [];
afterAll(async () => {
  for (const browser of browsers) await browser.close();
});

/** Opens the app and runs the probe, also reading the truth straight from navigator.gpu. */
async function probe(browser: Browser, url = appUrl(ENV_PAGE)): Promise<{ result: ProbeResult; truth: string; page: Page; errors: string[] }> {
  browsers.push(browser);
  const { page, errors } = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as any).cwmPlayground?.probeWebGpu === 'function');
  const result = (await page.evaluate(() => (window as any).cwmPlayground.probeWebGpu())) as ProbeResult;
  const truth = await page.evaluate(async () => {
    const gpu = (navigator as any).gpu;
    if (!gpu) return 'no api';
    const adapter = await gpu.requestAdapter();
    return adapter ? (adapter.features.has('shader-f16') ? 'f16' : 'no f16') : 'no adapter';
  });
  return { result, truth, page, errors };
}

describe('WebGPU probe in the page', () => {
  it('without --enable-unsafe-webgpu: the API is there but there is no adapter, so no in-browser model', async () => {
    const { result, truth, errors } = await probe(await launch());
    expect(truth).toBe('no adapter');
    expect(result).toEqual({ status: 'no-adapter', usable: false, shaderF16: false, message: expect.stringMatching(/no GPU adapter.*pick an API provider/) });
    expect(errors).toEqual([]);
  });

  it('with --enable-unsafe-webgpu: a software adapter without shader-f16, so q4f32 models only', async () => {
    const { result, truth, errors } = await probe(await launch({ webgpu: true }));
    expect(truth).toBe('no f16');
    expect(result).toMatchObject({ status: 'no-f16', usable: true, shaderF16: false, message: expect.stringMatching(/No shader-f16.*only the q4f32 models/) });
    expect(result.adapter).toMatch(/swiftshader/i);
    expect(errors).toEqual([]);
  });

  it('on a page that is not a secure context: no WebGPU at all, and says which browser to use', async () => {
    // navigator.gpu exists only in secure contexts; a made-up host name mapped to the test server
    // makes the page an ordinary http:// origin.
    const url = new URL(appUrl(ENV_PAGE));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--enable-unsafe-webgpu', `--host-resolver-rules=MAP cwm-insecure.test 127.0.0.1`] });
    url.hostname = 'cwm-insecure.test';
    const { result, truth } = await probe(browser, url.href);
    expect(truth).toBe('no api');
    expect(result).toEqual({ status: 'no-webgpu', usable: false, shaderF16: false, message: expect.stringMatching(/No WebGPU in this browser: use Chrome or Edge 113\+/) });
  });

  it('does not load WebLLM with the page', async () => {
    const browser = await launch({ webgpu: true });
    browsers.push(browser);
    const { page } = await newPage(browser);
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
    });
    await page.goto(appUrl(ENV_PAGE));
    await page.waitForFunction(() => typeof (window as any).cwmPlayground?.probeWebGpu === 'function');
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    // A string of WebLLM's weight loader (tvmjs fetchTensorCacheInternal), absent from the app's own code.
    expect(scripts.filter((s) => s.includes('Fetching param cache'))).toEqual([]);
  });
});
