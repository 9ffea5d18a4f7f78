import { checkReachable, createAnthropicClient, createOpenAiClient, OPENAI_BASE_URL, withRetry, type LlmClient, type ProviderSettings } from '../core/llm';
import { stringFlag, UsageError, type ParsedArgs } from './args';

const DEFAULT_KEY_ENV: Record<string, string> = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' };

/**
 * A live model client from `--provider openai|anthropic`, `--model`, `--base-url` and
 * `--api-key-env`, wrapped in retries. The key comes from an environment variable, never from an
 * argument that shows in `ps`; local OpenAI-compatible servers need none.
 */
export function liveClientFromArgs(args: ParsedArgs, provider: string): { llm: LlmClient; model: string; settings: ProviderSettings } {
  if (provider !== 'openai' && provider !== 'anthropic') throw new UsageError(`--provider must be openai, anthropic or replay, got "${provider}"`);
  const model = stringFlag(args, 'model');
  if (!model) throw new UsageError(`missing --model: name the ${provider} model to call, e.g. --model ${provider === 'openai' ? 'gpt-4o-mini' : 'claude-sonnet-4-5'}`);
  const keyEnv = stringFlag(args, 'api-key-env') ?? DEFAULT_KEY_ENV[provider];
  const apiKey = process.env[keyEnv] || undefined;
  const baseUrl = stringFlag(args, 'base-url');
  if (baseUrl !== undefined && !/^https?:\/\//.test(baseUrl)) throw new UsageError(`--base-url must start with http:// or https://, got "${baseUrl}"`);
  if (provider === 'anthropic') {
    if (!apiKey) throw new UsageError(`no Anthropic API key: set ${keyEnv} in the environment (or name another variable with --api-key-env)`);
    return { llm: withRetry(createAnthropicClient({ baseUrl, apiKey, model, crossOrigin: false })), model: `anthropic:${model}`, settings: { kind: provider, baseUrl, apiKey, model } };
  }
  const url = baseUrl ?? OPENAI_BASE_URL;
  if (!apiKey && url === OPENAI_BASE_URL) throw new UsageError(`no OpenAI API key: set ${keyEnv} in the environment, or pass --base-url for a local server`);
  return { llm: withRetry(createOpenAiClient({ baseUrl: url, apiKey, model, crossOrigin: false })), model: `openai:${model}`, settings: { kind: provider, baseUrl: url, apiKey, model } };
}

/**
 * Checks once that the provider answers at its base URL before a command spends its budget there;
 * prints "cwm <command>: Cannot reach …" and returns false when it does not.
 */
export async function providerAnswers(command: string, settings: ProviderSettings): Promise<boolean> {
  const error = await checkReachable({ ...settings, crossOrigin: false });
  if (!error) return true;
  process.stderr.write(`cwm ${command}: ${error.message}\n`);
  return false;
}
