// Offline app shell for CWM Playground (issue 6): after the first visit the app opens with no
// network, so a talk survives a dead conference Wi-Fi. Only same-origin GETs are cached; model
// weights (WebLLM keeps them in its own cache), provider APIs and every other origin pass through
// untouched. Registered from the page in production builds only (src/state/runs/service-worker.ts).
const CACHE = 'cwm-shell-v1';
const SHELL = ['./', './index.html'];

// Asset URLs named by the page itself (<script src>, <link href>), so the hashed bundles are cached
// at install without a build-time manifest.
function assetsOf(html) {
  const urls = new Set();
  for (const m of html.matchAll(/(?:src|href)="([^"#?]+)"/g)) {
    if (!/^[a-z]+:/i.test(m[1])) urls.add(new URL(m[1], self.registration.scope).href);
  }
  return [...urls];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      const index = await cache.match('./index.html');
      if (index) await Promise.all(assetsOf(await index.text()).map((url) => cache.add(url).catch(() => {})));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('cwm-shell-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

function cacheable(request) {
  if (request.method !== 'GET' || request.headers.has('range')) return false;
  const url = new URL(request.url);
  return url.origin === self.location.origin && !url.pathname.endsWith('/sw.js');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!cacheable(request)) return; // cross-origin, POST, ranges: the browser handles them as usual
  if (request.mode === 'navigate') {
    // The page: network first so a new deployment shows up, the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) caches.open(CACHE).then((c) => c.put('./index.html', response.clone()));
          return response;
        })
        .catch(async () => (await caches.match('./index.html')) ?? Response.error()),
    );
    return;
  }
  // Hashed assets and datasets never change under the same URL: cache first, then fill the cache.
  event.respondWith(
    (async () => {
      const cached = await caches.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        const copy = response.clone();
        caches.open(CACHE).then((c) => c.put(request, copy));
      }
      return response;
    })(),
  );
});
