
// Offline support, appended to Trunk's loader by scripts/offline/post_build.mjs. It runs after
// the app has started, when every file of this version has been loaded.
async function registerServiceWorker() {
    if (!("serviceWorker" in navigator)) return;
    try {
        const registration = await navigator.serviceWorker.register("./sw.js");
        const activate = (worker) => worker && worker.postMessage("activate");
        activate(registration.waiting);
        registration.addEventListener("updatefound", () => {
            const worker = registration.installing;
            worker?.addEventListener("statechange", () => {
                if (worker.state === "installed") activate(worker);
            });
        });
    } catch (error) {
        console.warn("Article Atlas will not work offline here:", error);
    }
}
registerServiceWorker();
