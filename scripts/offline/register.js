
// Offline support, appended to Trunk's loader by scripts/offline/post_build.mjs. It runs after
// the app has started, when every file of this version has been loaded.
async function registerServiceWorker() {
    if (!("serviceWorker" in navigator)) return;
    try {
        const registration = await navigator.serviceWorker.register("./sw.js");
        const activateWhenInstalled = (worker) => {
            if (!worker) return;
            const check = () => {
                if (worker.state !== "installed") return;
                worker.removeEventListener("statechange", check);
                worker.postMessage("activate");
            };
            worker.addEventListener("statechange", check);
            check();
        };
        // The browser may have found the new version before this ran, or find it later.
        activateWhenInstalled(registration.waiting || registration.installing);
        registration.addEventListener("updatefound", () => activateWhenInstalled(registration.installing));
    } catch (error) {
        console.warn("Article Atlas will not work offline here:", error);
    }
}
registerServiceWorker();
