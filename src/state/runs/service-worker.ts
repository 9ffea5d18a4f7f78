/**
 * Registers `sw.js` (the offline app shell) in production builds only: in development
 * the Vite server's modules change constantly and a cache would serve stale code. A failed
 * registration (file:// pages, some private modes) is harmless: the app simply needs the network.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  addEventListener('load', () => {
    navigator.serviceWorker.register(new URL('./sw.js', document.baseURI), { scope: './' }).catch(() => {});
  });
}
