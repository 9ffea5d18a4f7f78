// The core compiles without the DOM lib so that a slip into `window` or `document` fails to build.
// These few web-platform globals exist in every place the core runs (page, worker, Node 20), so
// they are declared here, minimally. Interfaces merge, so other core files may extend them.
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };
declare function setTimeout(handler: () => void, timeout?: number): number;
declare function clearTimeout(id: number | undefined): void;
declare var performance: { now(): number };
