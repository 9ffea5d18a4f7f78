import { ANTHROPIC_VERSION } from './anthropic';
import { callScope } from './abort';
import { errorFromNetwork, type ErrorContext } from './errors';
import { resolveFetch } from './fetch-types';
import { joinUrl } from './http';
import { getProvider, type ProviderSettings } from './providers';
import { LlmError } from './types';

/** How long the reachability check waits for any answer before calling the server unreachable. */
export const REACH_TIMEOUT_MS = 10_000;

/**
 * Asks a remote provider's model list (`GET …/models`) whether anyone answers at its base URL,
 * before a search spends its budget there. Any HTTP answer, even 401 or 404, means reachable (the
 * first call then explains a bad key or model); a failed fetch or no answer within `timeoutMs`
 * returns the short "Cannot reach …" error a model call would give. One attempt, no retries, so
 * that a check against a server that is down ends quickly.
 */
export async function checkReachable(settings: ProviderSettings & { crossOrigin?: boolean }, timeoutMs = REACH_TIMEOUT_MS, signal?: AbortSignal): Promise<LlmError | null> {
  const fetch = resolveFetch(settings.fetch);
  const anthropic = settings.kind === 'anthropic';
  // The base URL the provider's client would call: the one set, or the provider's default.
  const baseUrl = (settings.baseUrl ?? getProvider(settings.kind)?.defaultBaseUrl ?? '').replace(/\/+$/, '');
  const context: ErrorContext = { provider: anthropic ? 'Anthropic' : 'the OpenAI-compatible server', model: settings.model, baseUrl, crossOrigin: settings.crossOrigin };
  const url = anthropic ? joinUrl(baseUrl, baseUrl.endsWith('/v1') ? 'models' : 'v1/models') : joinUrl(baseUrl, 'models');
  const headers: Record<string, string> = anthropic
    ? { 'x-api-key': settings.apiKey ?? '', 'anthropic-version': ANTHROPIC_VERSION, 'anthropic-dangerous-direct-browser-access': 'true' }
    : settings.apiKey
      ? { authorization: `Bearer ${settings.apiKey}`, ...settings.extraHeaders }
      : { ...settings.extraHeaders };
  const scope = callScope(signal, timeoutMs);
  try {
    const response = await fetch(url, { method: 'GET', headers, signal: scope.signal });
    await response.text().catch(() => '');
    return null;
  } catch (error) {
    if (signal?.aborted) return new LlmError('aborted', 'The reachability check was cancelled.');
    if (scope.timedOut())
      return new LlmError('network', `Cannot reach ${context.provider} at ${baseUrl}: no answer within ${Math.round(timeoutMs / 1000)} s. Check that the server is running and the base URL.`);
    return errorFromNetwork(error, context);
  } finally {
    scope.dispose();
  }
}
