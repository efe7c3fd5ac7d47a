// Profiling aid (not a test): pastes a long text (TEXT, default /tmp/large.txt) into the built
// page (DIST) under /sub/path/ and prints every long task. RUNS=n repeats; LOGS=1 prints the
// page's console lines; TRACE=1 records a Chromium trace and sums each long task's events by
// name (layout, style, script…); SETUP=<js> runs in the page before the paste (an experiment);
// KEY=1 then types one key at the end of the text and does the same for the tasks it causes.
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";
import { serveStatic } from "./serve.mjs";
import { armKeyFrame } from "./large.mjs";

const dist = process.env.DIST;
const text = (await readFile(process.env.TEXT || "/tmp/large.txt", "utf8"));
async function traceTasks(browser) {
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X");
    const tasks = onMain.filter((e) => e.name === "RunTask" && e.dur > Number(process.env.TASK_MS || 50) * 1000);
    for (const t of tasks) {
        const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur);
        const by = {};
        for (const e of inside) by[e.name] = (by[e.name] || 0) + (e.dur || 0);
        const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(", ");
        console.log(`  trace task ${(t.dur / 1000).toFixed(0)} ms: ${top}`);
    }
}

const server = await serveStatic(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
for (let run = 0; run < Number(process.env.RUNS || 1); run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
            .observe({ type: "longtask", buffered: true });
    });
    const page = await context.newPage();
    const logs = [];
    page.on("console", (m) => logs.push(m.text()));
    await page.goto(origin + "/sub/path/");
    await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]")?.dataset.state === "done");
    await page.waitForTimeout(500);
    if (process.env.SETUP) await page.evaluate(process.env.SETUP);
    logs.length = 0;
    if (process.env.TRACE) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink"] });
    const r = await page.evaluate(async (text) => {
        const area = document.querySelector("[data-testid=article-input]");
        const chars = [...text].length;
        const start = performance.now();
        area.value = text;
        area.dispatchEvent(new Event("input", { bubbles: true }));
        const status = document.querySelector("[data-testid=analysis-status]");
        await new Promise((res) => { const c = () => (status.dataset.state === "done" && Number(status.dataset.chars) === chars) ? res() : setTimeout(c, 5); c(); });
        const done = performance.now() - start;
        const view = document.querySelector("[data-testid=article-view]");
        await new Promise((res) => { const c = () => view.dataset.drawn === "all" ? res() : setTimeout(c, 20); c(); });
        await new Promise((res) => setTimeout(res, 300));
        return { start, done, drawn: performance.now() - start, tasks: window.__longTasks.filter((t) => t.start >= start) };
    }, text);
    if (process.env.TRACE) await traceTasks(browser);
    console.log(`run ${run}: done ${r.done.toFixed(0)} drawn ${r.drawn.toFixed(0)} longest ${Math.max(0, ...r.tasks.map((t) => t.duration)).toFixed(0)}`);
    for (const t of r.tasks) console.log(`  task at ${(t.start).toFixed(0)} (+${(t.start - r.start).toFixed(0)}) ${t.duration.toFixed(0)} ms`);
    if (process.env.KEY) {
        await page.evaluate(armKeyFrame);
        if (process.env.TRACE) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink"] });
        const keyStart = await page.evaluate(() => performance.now());
        await page.keyboard.type("x");
        const frame = await page.evaluate(() => window.__keyFrame);
        await page.waitForTimeout(500);
        if (process.env.TRACE) await traceTasks(browser);
        const tasks = await page.evaluate((since) => window.__longTasks.filter((t) => t.start >= since), keyStart);
        console.log(`key: frame ${frame.toFixed(0)} ms; tasks over 50 ms: ${tasks.map((t) => t.duration.toFixed(0)).join(", ") || "none"}`);
    }
    if (process.env.LOGS) for (const l of logs) console.log(`  | ${l}`);
    await context.close();
}
await browser.close();
server.close();
