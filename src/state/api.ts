/** Installs `window.cwmPlayground`, the documented in-page API for scripting and tests. */
export function installScriptingApi(): void {
  (window as unknown as { cwmPlayground: object }).cwmPlayground = {};
}
