import { LlmError, type LlmErrorKind } from './types';

/** Who was called, so that an error can name the provider, model and address. */
export interface ErrorContext {
  /** A human label: "OpenAI-compatible server", "Anthropic". */
  provider: string;
  model: string;
  baseUrl: string;
  /** Calls come from a web page, where the browser enforces CORS (default); false from the CLI. */
  crossOrigin?: boolean;
}

/** Error kinds worth another attempt: the request was fine, the moment was not. */
const RETRYABLE: ReadonlySet<LlmErrorKind> = new Set(['rate-limit', 'server', 'network']);

/** True for 429, 5xx and network failures; never for auth, bad requests, aborts or timeouts. */
export function isRetryable(error: unknown): boolean {
  return error instanceof LlmError && RETRYABLE.has(error.kind);
}

/**
 * Parses an HTTP `Retry-After` header (RFC 9110 section 10.2.3): delay-seconds or an HTTP date.
 * Returns milliseconds to wait, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Date.parse reads "-5" as a year; an HTTP date always names its weekday and month.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** The provider's own explanation from an error body (OpenAI, Anthropic, Ollama shapes), if any. */
export function providerMessage(bodyText: string): string | undefined {
  try {
    const body = JSON.parse(bodyText) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = body.error;
    if (typeof error === 'string') return error;
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      return (error as { message: string }).message;
    }
    if (typeof body.message === 'string') return body.message;
    if (typeof body.detail === 'string') return body.detail;
  } catch {
    // Not JSON: an HTML error page or plain text; show its start.
  }
  const text = bodyText.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 200) : undefined;
}

/** Maps a non-2xx response to an LlmError whose message says what to do next. */
export function errorFromStatus(status: number, bodyText: string, retryAfter: string | null, context: ErrorContext): LlmError {
  const said = providerMessage(bodyText);
  const detail = `HTTP ${status}${said ? `: ${said}` : ''}`;
  const who = context.provider;
  if (status === 401 || status === 403) {
    return new LlmError('auth', `${who} rejected the request (${detail}). Check the API key in the provider settings, and that it may use model "${context.model}".`, undefined, status);
  }
  if (status === 402) {
    return new LlmError('auth', `${who} asks for payment (${detail}). Check the account's credit or billing, or use another provider.`, undefined, status);
  }
  if (status === 404) {
    return new LlmError(
      'bad-request',
      `${who} at ${context.baseUrl} answered "not found" (${detail}). Check the model name "${context.model}" and the base URL (OpenAI-compatible servers usually end in /v1; for Ollama, run "ollama pull" for the model first).`,
      undefined,
      status,
    );
  }
  if (status === 429) {
    // OpenAI sends 429 also for an exhausted balance, which waiting does not fix.
    if (/insufficient_quota/i.test(bodyText)) {
      return new LlmError('auth', `${who} refused the call for lack of quota or credit (${detail}). Check the account's billing, or use another provider.`, undefined, status);
    }
    const wait = parseRetryAfter(retryAfter);
    return new LlmError(
      'rate-limit',
      `${who} is rate-limiting requests (${detail}). The call is retried${wait !== undefined ? ` after ${Math.ceil(wait / 1000)} s` : ' with backoff'}; if it keeps happening, lower the request rate or check the plan's limits.`,
      wait,
      status,
    );
  }
  if (status === 408 || status >= 500) {
    return new LlmError('server', `${who} had a server error (${detail}). The call is retried; if it persists, try again later or pick another model.`, parseRetryAfter(retryAfter), status);
  }
  return new LlmError(
    'bad-request',
    `${who} refused the request (${detail}). Check the model name "${context.model}" and the sampling settings (some models reject some parameters).`,
    undefined,
    status,
  );
}

const LOCAL_HOST = /^https?:\/\/(localhost|127\.|0\.0\.0\.0|\[::1\]|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/i;

/** How to let a page call a local server; browsers block cross-origin calls without CORS headers. */
export const LOCAL_CORS_HELP =
  'If it is running, it must allow calls from this page (CORS): Ollama: set OLLAMA_ORIGINS=* and restart it; LM Studio: turn on "Enable CORS" in the server settings; llama-server and vLLM allow all origins by default.';

/** The one line of CORS advice for a local server, naming the server when its port says which. */
function corsAdvice(baseUrl: string): string {
  const port = /^https?:\/\/[^/]*:(\d+)/i.exec(baseUrl)?.[1];
  if (port === '11434') return 'If Ollama is running, it must allow calls from this page: start it with OLLAMA_ORIGINS=* (CORS).';
  if (port === '1234') return 'If LM Studio\'s server is running, turn on "Enable CORS" in its server settings.';
  return LOCAL_CORS_HELP;
}

/**
 * Maps a fetch failure (no HTTP response at all) to a short 'network' LlmError: "Cannot reach …",
 * then one hint. CORS advice is given only where it applies: a page calling a local server
 * (`crossOrigin`, the default); a command-line call is never blocked by CORS, so it is told to
 * check that the server runs and the address is right.
 */
export function errorFromNetwork(error: unknown, context: ErrorContext): LlmError {
  const reason = describe(error);
  // A browser only says "Failed to fetch"; Node names the cause (ECONNREFUSED, ENOTFOUND), worth showing.
  const said = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/i.test(reason) ? '' : ` (${reason})`;
  const local = LOCAL_HOST.test(context.baseUrl);
  const hint =
    context.crossOrigin === false
      ? local
        ? 'Check that the server is running and the base URL (port, /v1).'
        : 'Check the base URL and the network connection.'
      : local
        ? `Is the server running? ${corsAdvice(context.baseUrl)}`
        : /^http:/i.test(context.baseUrl)
          ? 'Check the base URL and the network connection; a page served over https cannot call an http:// address.'
          : 'Check the base URL and the network connection.';
  return new LlmError('network', `Cannot reach ${context.provider} at ${context.baseUrl}${said}. ${hint}`);
}

/** A short description of any thrown value, including a fetch error's `cause`. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const inner = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${inner}`;
  }
  return String(error);
}

/** The error for a stream that stopped before the model said it was done. */
export function truncatedStreamError(context: ErrorContext): LlmError {
  return new LlmError(
    'network',
    `The connection to ${context.provider} closed before the model finished its answer. The call can be retried; if it keeps happening, check the server's logs or any proxy in between.`,
  );
}

/** The error for a stream chunk that is not the JSON the protocol promises. */
export function malformedChunkError(data: string, context: ErrorContext): LlmError {
  return new LlmError(
    'bad-response',
    `${context.provider} sent a streaming chunk that is not valid JSON (${JSON.stringify(data.slice(0, 120))}). Check that the base URL points at an ${context.provider === 'Anthropic' ? 'Anthropic Messages' : 'OpenAI-compatible /v1'} endpoint; a proxy may be altering the stream.`,
  );
}
