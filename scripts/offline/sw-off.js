// Development build (scripts/serve.sh): no caching. This worker replaces any earlier one,
// deletes the caches it left and unregisters itself, so trunk serve always shows fresh files.
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        const keys = await caches.keys();
        await Promise.all(keys.filter((key) => key.startsWith("article-atlas-")).map((key) => caches.delete(key)));
        await self.registration.unregister();
    })());
});
