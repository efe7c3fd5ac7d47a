// Reads every saved page of an evaluation file the way the page does (dropped as a file, read by
// the browser's DOMParser and Mozilla's Readability, composed into text by the wasm core) and
// scores the readings with score_html.py, to compare with the CLI's `article-atlas eval-html`.
//
//   node e2e/html_agreement.mjs [GOLD.jsonl.gz] [PRED.jsonl]
//
// GOLD defaults to ../shared/eval/html.dev.jsonl.gz (skipped with a note when it is absent).
// Writes the page's readings to PRED (default: in the system's temporary folder, since they quote
// the suite and must stay out of the project), then prints the scorer's line.
import { chromium } from "playwright-core";
import { createReadStream, existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { serveStatic } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const gold = process.argv[2] || join(here, "..", "..", "shared", "eval", "html.dev.jsonl.gz");
const out = process.argv[3] || join(tmpdir(), "article-atlas-html.page.jsonl");
if (!existsSync(gold)) {
    console.log(`html agreement: ${gold} is absent, skipped`);
    process.exit(0);
}

const pages = [];
const input = createReadStream(gold);
const lines = createInterface({ input: gold.endsWith(".gz") ? input.pipe(createGunzip()) : input });
for await (const line of lines) if (line.trim()) pages.push(JSON.parse(line));

const server = await serveStatic(process.env.DIST || join(here, "..", "dist"));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage();
await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} (${e.sourceFile}:${e.lineNumber})`));
});
const problems = [];
page.on("pageerror", (e) => problems.push(e.message));
page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(`request left the origin: ${r.url()}`); });
await page.goto(origin + "/");
await page.waitForSelector("[data-testid=article-view] [data-testid=paragraph]", { timeout: 20000 });

const predictions = [];
for (const { id, html } of pages) {
    // A marker text first, so that each page's reading is told apart from the one before.
    await page.locator("[data-testid=article-input]").fill(`Marker ${id}.`);
    await page.evaluate(([id, html]) => {
        const data = new DataTransfer();
        data.items.add(new File([html], `${id}.html`, { type: "text/html" }));
        for (const kind of ["dragover", "drop"]) {
            window.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
    }, [id, html]);
    await page.waitForFunction((marker) => document.querySelector("[data-testid=article-input]").value !== marker, `Marker ${id}.`, { timeout: 30000 });
    const read = await page.evaluate((html) => {
        const value = document.querySelector("[data-testid=article-input]").value;
        const asArticle = document.querySelector("[data-testid=page-reading]") !== null;
        // The title and byline as the page's reader gave them to the core (loaded by the drop),
        // with white space folded as the core folds it.
        const fold = (s) => (s ? s.split(/\s+/).filter(Boolean).join(" ") : null);
        const reading = asArticle ? window.articleAtlasReadPage(html) : null;
        const title = fold(reading?.title) || document.querySelector("[data-testid=headline]")?.innerText.trim() || null;
        const byline = fold(reading?.byline) || null;
        // The article text is the metadata's header lines, the headline and the byline, then
        // the body (src/analysis/page.rs `compose`): the body is what follows them.
        const chunks = value.split("\n\n");
        let i = 0;
        if (asArticle && chunks[i] && chunks[i].split("\n").every((l) => /^(Publication|Date): /.test(l))) i += 1;
        if (asArticle && title && chunks[i] === title) i += 1;
        if (asArticle && byline && chunks[i] === byline) i += 1;
        return { title, byline, text: chunks.slice(i).join("\n\n"), asArticle };
    }, html);
    predictions.push({ id, title: read.title, byline: read.byline, text: read.text });
}
const violations = await page.evaluate(() => window.__cspViolations);
if (violations.length) problems.push(`${violations.length} CSP violations, e.g. ${[...new Set(violations)].slice(0, 5).join("; ")}`);
await browser.close();
server.close();
await writeFile(out, predictions.map((p) => JSON.stringify(p)).join("\n") + "\n");
const scorer = join(dirname(gold), "score_html.py");
console.log(`html agreement (page, ${predictions.length} pages): ` + execFileSync("python3", [scorer, gold, out]).toString().trim());
if (problems.length) {
    console.log(problems.join("\n"));
    process.exit(1);
}
