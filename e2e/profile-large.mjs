// Profiling aid (not a test): pastes a long text (TEXT, default /tmp/large.txt) into the built
// page (DIST) under /sub/path/ and prints every long task. RUNS=n repeats; LOGS=1 prints the
// page's console lines; TRACE=1 records a Chromium trace and sums each long task's events by
// name (layout, style, script…), and TRACE_SAVE=<file> keeps the trace; SETUP=<js> runs in the page before the paste (an experiment);
// KEY=1 then types one key at the end of the text and does the same for the tasks it causes.
// CPU=1 records a sampling profile and prints, for each stretch of over 50 ms of work, the
// functions that took the most of it (inclusive); wasm names need a build that keeps them
// (`data-keep-debug` on the rust link of index.html, for the profile only).
import { chromium } from "playwright-core";
import { readFile, writeFile } from "node:fs/promises";
import { serveStatic } from "./serve.mjs";
import { armKeyFrame } from "./large.mjs";

const dist = process.env.DIST;
// Busy stretches of a CPU profile (samples no more than 2 ms apart outside idle), each with the
// functions that were on the stack longest during it.
function cpuStretches(profile, windows) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    // Layout, style and paint show as "(program)": work, not idle.
    const idle = (id) => byId.get(id).callFrame.functionName === "(idle)";
    let t = profile.startTime;
    const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return { id, t, d: profile.timeDeltas[i + 1] || 0 }; });
    const stretches = [];
    let current = null;
    for (const s of samples) {
        if (idle(s.id)) { if (current) { stretches.push(current); current = null; } continue; }
        if (!current) current = { start: s.t, end: s.t, samples: [] };
        current.end = s.t + s.d;
        current.samples.push(s);
    }
    if (current) stretches.push(current);
    // With a trace, the long tasks it saw (the same clock) rather than the busy stretches.
    if (windows) {
        stretches.length = 0;
        for (const w of windows) stretches.push({ start: w.start, end: w.end, samples: samples.filter((s) => s.t >= w.start && s.t < w.end && !idle(s.id)) });
    }
    const limit = Number(process.env.TASK_MS || 50) * 1000;
    for (const st of stretches.filter((s) => s.end - s.start > limit)) {
        const incl = {}, self = {};
        for (const s of st.samples) {
            const seen = new Set();
            let id = s.id;
            const leaf = byId.get(id).callFrame.functionName || "(anon)";
            self[leaf] = (self[leaf] || 0) + s.d;
            while (id !== undefined) {
                const name = byId.get(id).callFrame.functionName || "(anon)";
                if (!seen.has(name)) { seen.add(name); incl[name] = (incl[name] || 0) + s.d; }
                id = parent.get(id);
            }
        }
        const top = (o, n) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(0)} ${k.replace(/::h[0-9a-f]{16}$/, "").slice(-120)}`).join("\n      ");
        console.log(`  cpu stretch at +${((st.start - profile.startTime) / 1000).toFixed(0)} ms: ${((st.end - st.start) / 1000).toFixed(0)} ms\n    inclusive:\n      ${top(incl, Number(process.env.CPU_TOP || 40))}\n    self:\n      ${top(self, 15)}`);
    }
}
const text = (await readFile(process.env.TEXT || "/tmp/large.txt", "utf8"));
async function traceTasks(browser) {
    const raw = (await browser.stopTracing()).toString();
    if (process.env.TRACE_SAVE) await writeFile(process.env.TRACE_SAVE, raw);
    const trace = JSON.parse(raw);
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
    return tasks.map((t) => ({ start: t.ts, end: t.ts + t.dur }));
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
    const cdp = process.env.CPU ? await context.newCDPSession(page) : null;
    if (cdp) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        await cdp.send("Profiler.start");
    }
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
    const windows = process.env.TRACE ? await traceTasks(browser) : null;
    if (cdp) {
        const { profile } = await cdp.send("Profiler.stop");
        if (process.env.CPU_SAVE) await writeFile(process.env.CPU_SAVE, JSON.stringify({ profile, windows }));
        cpuStretches(profile, windows);
    }
    console.log(`run ${run}: done ${r.done.toFixed(0)} drawn ${r.drawn.toFixed(0)} longest ${Math.max(0, ...r.tasks.map((t) => t.duration)).toFixed(0)}`);
    for (const t of r.tasks) console.log(`  task at ${(t.start).toFixed(0)} (+${(t.start - r.start).toFixed(0)}) ${t.duration.toFixed(0)} ms`);
    if (process.env.KEY) {
        await page.evaluate(armKeyFrame);
        if (process.env.TRACE) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink"] });
        if (cdp) await cdp.send("Profiler.start");
        const keyStart = await page.evaluate(() => performance.now());
        await page.keyboard.type("x");
        const frame = await page.evaluate(() => window.__keyFrame);
        await page.waitForTimeout(Number(process.env.KEY_WAIT || 500));
        const keyWindows = process.env.TRACE ? await traceTasks(browser) : null;
        if (cdp) cpuStretches((await cdp.send("Profiler.stop")).profile, keyWindows);
        const tasks = await page.evaluate((since) => window.__longTasks.filter((t) => t.start >= since), keyStart);
        console.log(`key: frame ${frame.toFixed(0)} ms; tasks over 50 ms: ${tasks.map((t) => t.duration.toFixed(0)).join(", ") || "none"}`);
    }
    if (process.env.COUNT) console.log(JSON.stringify(await page.evaluate(process.env.COUNT)));
    if (process.env.LOGS) for (const l of logs) console.log(`  | ${l}`);
    await context.close();
}
await browser.close();
server.close();
