// Article Atlas service worker. scripts/offline/post_build.mjs fills in the version and the list
// of files from the build itself, so each deploy gets its own cache.
"use strict";
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const PREFIX = "article-atlas-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
    // "reload" skips the HTTP cache: the new cache must hold this deploy's files, not old ones.
    event.waitUntil(caches.open(CACHE).then((cache) =>
        cache.addAll(ASSETS.map((url) => new Request(url, { cache: "reload" })))));
});

// A new version waits until the page that found it has loaded everything it needs, then that
// page asks it to take over: no page ever mixes files of two deploys, and the next load is new.
self.addEventListener("message", (event) => {
    if (event.data === "activate") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
    event.waitUntil(caches.keys().then((keys) => Promise.all(keys
        .filter((key) => key.startsWith(PREFIX) && key !== CACHE)
        .map((key) => caches.delete(key)))));
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) return;
    const scope = new URL(self.registration.scope);
    // The page itself, at its folder or as index.html, with any query.
    const isPage = request.mode === "navigate"
        && (url.pathname === scope.pathname || url.pathname === scope.pathname + "index.html");
    event.respondWith(caches.open(CACHE).then(async (cache) => {
        const hit = isPage
            ? await cache.match(new URL("index.html", scope).href)
            : await cache.match(request, { ignoreSearch: true });
        return hit || fetch(request);
    }));
});
