// Times compromise (the JavaScript NLP library) extracting people, places and organisations from
// each text of a JSONL file (field `text`), the peer that `article-atlas bench --corpus` compares
// the analysis with. Prints one JSON line of figures and never any text:
//   {"docs", "bytes", "found", "start_s", "analysis_s", "start_cpu_s", "analysis_cpu_s"}
// `start_s` is loading the library (its lexicon is unpacked at import), `analysis_s` the sum over
// the documents of each one's best time over the runs (which keeps the JIT's warm-up out, as the
// Rust side keeps out other processes' noise); the `_cpu_` figures are the same by the process's
// CPU time (node's own threads included: its garbage collector and compiler), which a loaded
// machine does not inflate.
//
//   node scripts/bench_peer.mjs FILE.jsonl [--runs N]
// compromise is a devDependency of e2e/ (`npm ci` there installs it).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 3;
if (!file) {
  console.error("usage: node scripts/bench_peer.mjs FILE.jsonl [--runs N]");
  process.exit(2);
}

const texts = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line).text ?? "");
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, "utf8"), 0);

const e2e = join(dirname(fileURLToPath(import.meta.url)), "..", "e2e");
const require = createRequire(join(e2e, "package.json"));
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const started = performance.now();
const startedCpu = cpuSeconds();
const nlp = require("compromise");
nlp("Warm the lexicon.").people();
const startSeconds = (performance.now() - started) / 1e3;
const startCpuSeconds = cpuSeconds() - startedCpu;

const best = texts.map(() => Infinity);
const bestCpu = texts.map(() => Infinity);
let found = 0;
for (let run = 0; run < runs; run++) {
  found = 0;
  texts.forEach((text, i) => {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    const doc = nlp(text);
    found +=
      doc.people().out("array").length +
      doc.places().out("array").length +
      doc.organizations().out("array").length;
    best[i] = Math.min(best[i], performance.now() - t0);
    bestCpu[i] = Math.min(bestCpu[i], cpuSeconds() - c0);
  });
}

const sum = (values) => values.reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    docs: texts.length,
    bytes,
    found,
    start_s: startSeconds,
    analysis_s: sum(best) / 1e3,
    start_cpu_s: startCpuSeconds,
    analysis_cpu_s: sum(bestCpu),
  }),
);
