// Article Atlas's analysis worker (src/ui/analysis_worker.rs). scripts/offline/post_build.mjs
// writes it into each build under a hashed name, with the glue's name filled in: the worker runs
// the page's own wasm, instantiated from the compiled module the page sends as its first message.
import init, { worker_main } from "__GLUE__";

self.addEventListener("message", async (event) => {
    await init({ module_or_path: event.data });
    worker_main();
}, { once: true });
