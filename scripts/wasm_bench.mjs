// The analysis core's time in wasm under node, without the page: a quick stand-in for the
// end-to-end figure while working on speed (V8 runs both). Usage: scripts/wasm_bench.sh
// (builds examples/wasm_bench.rs for wasm32 and runs this on it), or
// `node scripts/wasm_bench.mjs A.wasm [B.wasm ...]` to compare builds side by side.
import { readFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
    const module = await WebAssembly.compile(readFileSync(file));
    // The core imports nothing it calls; any import left in by the linker is a stub that fails.
    const imports = {};
    for (const { module: from, name } of WebAssembly.Module.imports(module)) {
        imports[from] ??= {};
        imports[from][name] = () => { throw new Error(`unexpected import ${from}.${name}`); };
    }
    const { bench, first_spelling_lookup, open_gazetteer } = (await WebAssembly.instantiate(module, imports)).exports;
    // Cold, as in a fresh page: the first analysis unpacks and opens every data set once.
    const cold = (f) => { const started = performance.now(); f(); return (performance.now() - started).toFixed(1); };
    const firstOpen = open_gazetteer ? cold(open_gazetteer) : "-";
    const firstAnalysis = cold(() => bench(1));
    console.log(`${file}: cold, first call: unpack and open the gazetteer ${firstOpen} ms; first analysis of the sample (opens every data set) ${firstAnalysis} ms`);
    // Past V8's baseline compiler first, as the page is after a few edits.
    for (let i = 0; i < 60; i++) bench(1);
    const times = [];
    for (let i = 0; i < 400; i++) {
        const started = performance.now();
        bench(1);
        times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (share) => times[Math.floor(times.length * share)].toFixed(2);
    console.log(`${file}: analysis of the edited sample in wasm (node): best ${at(0)} ms, p10 ${at(0.1)}, median ${at(0.5)} (400 runs)`);
    if (first_spelling_lookup) {
        const spelling = [];
        for (let i = 0; i < 20; i++) {
            const started = performance.now();
            first_spelling_lookup();
            spelling.push(performance.now() - started);
        }
        spelling.sort((a, b) => a - b);
        console.log(`${file}: first lookup by another spelling (opens the gazetteer, builds the skeletons): best ${spelling[0].toFixed(2)} ms, median ${spelling[10].toFixed(2)} (20 runs)`);
    }
}
