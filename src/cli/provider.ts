import { createAnthropicClient, createOpenAiClient, withRetry, type LlmClient } from '../core/llm';
import { stringFlag, UsageError, type ParsedArgs } from './args';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_KEY_ENV: Record<string, string> = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' };

/**
 * A live model client from `--provider openai|anthropic`, `--model`, `--base-url` and
 * `--api-key-env`, wrapped in retries. The key comes from an environment variable, never from an
 * argument that shows in `ps`; local OpenAI-compatible servers need none.
 */
export function liveClientFromArgs(args: ParsedArgs, provider: string): { llm: LlmClient; model: string } {
  if (provider !== 'openai' && provider !== 'anthropic') throw new UsageError(`--provider must be openai, anthropic or replay, got "${provider}"`);
  const model = stringFlag(args, 'model');
  if (!model) throw new UsageError(`missing --model: name the ${provider} model to call, e.g. --model ${provider === 'openai' ? 'gpt-4o-mini' : 'claude-sonnet-4-5'}`);
  const keyEnv = stringFlag(args, 'api-key-env') ?? DEFAULT_KEY_ENV[provider];
  const apiKey = process.env[keyEnv] || undefined;
  const baseUrl = stringFlag(args, 'base-url');
  if (baseUrl !== undefined && !/^https?:\/\//.test(baseUrl)) throw new UsageError(`--base-url must start with http:// or https://, got "${baseUrl}"`);
  if (provider === 'anthropic') {
    if (!apiKey) throw new UsageError(`no Anthropic API key: set ${keyEnv} in the environment (or name another variable with --api-key-env)`);
    return { llm: withRetry(createAnthropicClient({ baseUrl, apiKey, model })), model: `anthropic:${model}` };
  }
  const url = baseUrl ?? OPENAI_BASE_URL;
  if (!apiKey && url === OPENAI_BASE_URL) throw new UsageError(`no OpenAI API key: set ${keyEnv} in the environment, or pass --base-url for a local server`);
  return { llm: withRetry(createOpenAiClient({ baseUrl: url, apiKey, model })), model: `openai:${model}` };
}
