// End-to-end tests for issue 14: the analysis runs in a worker, only the newest text's answer is
// shown, a long article never blocks the page, and a text over the limit is refused with a message.
// The long article is the worldwide dev texts joined by blank lines, read at test time from
// ../shared/eval (never copied into the project); without them the test says so and passes.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const EVAL = process.env.ARTICLE_ATLAS_EVAL || join(here, "..", "..", "shared", "eval");

async function longArticle() {
    try {
        const lines = (await readFile(join(EVAL, "worldwide.dev.jsonl"), "utf8")).split("\n").filter((l) => l.trim());
        return lines.map((line) => JSON.parse(line).text).join("\n\n");
    } catch {
        return null;
    }
}

// Runs in the page before its scripts: long tasks and the page's wasm instance are recorded.
function observe() {
    window.__longTasks = [];
    try {
        new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: "longtask", buffered: true });
    } catch { /* no long task API: nothing recorded */ }
    addEventListener("TrunkApplicationStarted", (event) => { window.__wasm = event.detail?.wasm; });
    window.__whenDone = (chars, since) => {
        return new Promise((resolve) => {
            const status = document.querySelector("[data-testid=analysis-status]");
            const check = () => {
                if (status.dataset.state === "done" && Number(status.dataset.chars) === chars) {
                    observer.disconnect();
                    resolve(performance.now() - since);
                }
            };
            const observer = new MutationObserver(check);
            observer.observe(status, { attributes: true });
            check();
        });
    };
}

// Chromium lays out all of a text area's text at once: the longest task that setting `text`
// into a bare text area (the page's font and width) costs, without the page's code.
async function bareTextAreaTask(page, text) {
    const blank = await page.context().newPage();
    try {
        await blank.setContent("<textarea></textarea>");
        return await blank.evaluate(async (text) => {
            const area = document.querySelector("textarea");
            Object.assign(area.style, { width: "400px", height: "400px", fontFamily: "monospace", fontSize: "13px" });
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
            const tasks = [];
            const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
            observer.observe({ type: "longtask" });
            area.value = text;
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
            observer.disconnect();
            return Math.max(0, ...tasks);
        }, text);
    } finally {
        await blank.close();
    }
}

// Runs in the page: puts the caret at the end of the text area and sets `window.__keyFrame` to
// the time from the next key to the frame after its input event.
export function armKeyFrame() {
    const area = document.querySelector("[data-testid=article-input]");
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    window.__keyFrame = new Promise((resolve) => {
        area.addEventListener("keydown", (event) => {
            const pressed = event.timeStamp;
            area.addEventListener("input", () => requestAnimationFrame(() => resolve(performance.now() - pressed)), { once: true });
        }, { once: true });
    });
}

const mb = (bytes) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

// Pastes the long text over the article shown, waits until it is analysed and drawn, types one
// key at the end, and waits for the re-analysis; prints the figures and says which goal of
// issue 14 they miss.
async function pasteLongArticle(page, text) {
    await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]")?.dataset.state === "done");
    const figures = await page.evaluate(async (text) => {
        const area = document.querySelector("[data-testid=article-input]");
        const chars = [...text].length;
        const start = performance.now();
        area.value = text;
        area.dispatchEvent(new Event("input", { bubbles: true }));
        const input = performance.now() - start;
        const done = await window.__whenDone(chars, start);
        const view = document.querySelector("[data-testid=article-view]");
        await new Promise((resolve) => {
            const check = () => (view.dataset.drawn === "all" ? resolve() : setTimeout(check, 20));
            check();
        });
        const drawn = performance.now() - start;
        return { start, input, done, drawn, chars, marks: document.querySelectorAll("[data-testid=entity-mention]").length };
    }, text).catch((e) => { throw new Error(`while pasting: ${e.message}`); });
    // One more keystroke at the end: the time from the key to the frame that shows it.
    await page.evaluate(armKeyFrame);
    await page.keyboard.type("x");
    const keyFrame = await page.evaluate(() => window.__keyFrame);
    const again = await page.evaluate((chars) => window.__whenDone(chars, performance.now()), figures.chars + 1);
    const after = await page.evaluate((start) => {
        const tasks = window.__longTasks.filter((t) => t.start >= start);
        const view = document.querySelector("[data-testid=article-view]");
        return {
            longest: Math.max(0, ...tasks.map((t) => t.duration)),
            count: tasks.length,
            observed: !!window.PerformanceObserver && PerformanceObserver.supportedEntryTypes.includes("longtask"),
            pageMemory: window.__wasm?.memory?.buffer?.byteLength,
            workerMemory: Number(document.querySelector("[data-testid=analysis-status]").dataset.workerMemory),
            paragraphs: view.querySelectorAll("[data-testid=paragraph]").length,
        };
    }, figures.start);
    console.log(`figure: 1.1 MB paste (${figures.chars} characters): input event ${figures.input.toFixed(0)} ms, analysis done ${figures.done.toFixed(0)} ms, ` +
        `drawn ${figures.drawn.toFixed(0)} ms (${after.paragraphs} paragraphs, ${figures.marks} marks); keystroke at the end to its frame ${keyFrame.toFixed(0)} ms, ` +
        `re-analysed in ${again.toFixed(0)} ms`);
    console.log(`figure: longest main-thread task ${after.longest.toFixed(0)} ms (${after.count} tasks over 50 ms) from the paste to the re-analysis`);
    const floor = await bareTextAreaTask(page, text);
    console.log(`figure: the same text set into a bare text area on a blank page: longest task ${floor.toFixed(0)} ms (Chromium's own layout of the text, which the page's text area avoids by holding one part of it)`);
    console.log(`figure: wasm memory after the 1.1 MB text: page ${after.pageMemory ? mb(after.pageMemory) : "unknown"}, worker ${after.workerMemory ? mb(after.workerMemory) : "unknown"}`);
    const missed = [
        figures.done <= 3000 || `analysis done within 3 s: ${figures.done.toFixed(0)} ms`,
        keyFrame <= 100 || `the keystroke's frame within 100 ms: ${keyFrame.toFixed(0)} ms`,
        after.longest <= 100 || `no task over 100 ms: the longest took ${after.longest.toFixed(0)} ms`,
    ].filter((m) => m !== true);
    return { ...after, input: figures.input, missed };
}

export function largeTests({ test, expect }) {
    test("the analysis status says when the shown analysis is of the text as typed, with its length", async ({ page }) => {
        const status = page.locator("[data-testid=analysis-status]");
        await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]")?.dataset.state === "done");
        const text = "Ana Lee flew from Lisbon to Tbilisi \u{1F6EB} on Monday. Émile stayed.";
        await page.locator("[data-testid=article-input]").fill(text);
        await page.waitForFunction((chars) => {
            const s = document.querySelector("[data-testid=analysis-status]");
            return s.dataset.state === "done" && Number(s.dataset.chars) === chars;
        }, [...text].length);
        expect(await status.getAttribute("role") === "status", "a polite live region");
        expect((await status.innerText()) === "", `no chatter after a short analysis: ${await status.innerText()}`);
    }, "/", { init: observe });

    test("edits are coalesced, and only the newest text's analysis is shown", async ({ page }) => {
        await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]")?.dataset.state === "done");
        const last = await page.evaluate(() => {
            const area = document.querySelector("[data-testid=article-input]");
            let text = "";
            for (let i = 1; i <= 30; i++) {
                text = `Headline Number ${i}\n\nThe council met in Velmore on Monday. It voted ${i} times.`;
                area.value = text;
                area.dispatchEvent(new Event("input", { bubbles: true }));
            }
            return text;
        });
        await page.waitForFunction((chars) => {
            const s = document.querySelector("[data-testid=analysis-status]");
            return s.dataset.state === "done" && Number(s.dataset.chars) === chars;
        }, [...last].length);
        const headline = await page.locator("[data-testid=headline]").innerText();
        expect(headline === "Headline Number 30", `the newest text is shown: ${headline}`);
    }, "/", { init: observe });

    test("a saved page's article is analysed in the worker with the page's metadata", async ({ page }) => {
        // The reading's byline and title reach the worker with the text (the Request's `page`).
        const saved = `<!DOCTYPE html><html><head><title>Both bridges over the Ostra reopen in Velmore | Lake Courier</title>
<meta name="author" content="Oskar Brenn"><meta property="og:site_name" content="Lake Courier"></head><body>
<div class="story"><p>Both bridges over the Ostra river in Velmore reopened on Friday after a month of repairs, the town council said in a short statement.</p>
<p>Traffic had been sent around the lake since the spring floods, adding half an hour to every crossing for the market traders.</p>
<p>The council said the repairs came in under budget and that the old toll house would become a small museum in the summer.</p></div></body></html>`;
        await page.evaluate((html) => {
            const data = new DataTransfer();
            data.items.add(new File([html], "bridges.html", { type: "text/html" }));
            for (const kind of ["dragover", "drop"]) window.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
        }, saved);
        await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "Both bridges over the Ostra reopen in Velmore");
        expect((await page.locator("[data-testid=byline]").innerText()).includes("Oskar Brenn"), "the byline from the page's metadata");
    }, "/", { init: observe });

    test("a text over 10 MiB keeps the current article, says so, and is kept whole", async ({ page }) => {
        await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]")?.dataset.state === "done");
        const before = await page.locator("[data-testid=article-view]").innerText();
        const chars = await page.evaluate(() => {
            const area = document.querySelector("[data-testid=article-input]");
            const text = "The ferry sailed. ".repeat(600000);
            area.value = text;
            area.dispatchEvent(new Event("input", { bubbles: true }));
            return [...text].length;
        });
        const status = page.locator("[data-testid=analysis-status]");
        await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]").innerText.includes("up to 10 MB"));
        expect(await status.getAttribute("data-state") === "done", "nothing is being analysed");
        expect((await page.locator("[data-testid=article-view]").innerText()) === before, "the article shown is unchanged");
        expect(await page.locator("[data-testid=text-parts]").getAttribute("data-chars") === String(chars), "the whole text is kept");
        const shown = await page.evaluate(() => document.querySelector("[data-testid=article-input]").value.length);
        expect(shown < 100000, `the text area holds one part of it: ${shown} characters`);
        // Nothing typed is lost: too long for local storage, the draft is kept in the browser's
        // database, and a reload brings it back whole.
        await page.waitForFunction(() => JSON.parse(localStorage.getItem("article-atlas/v1/draft") || "{}").apart === true, null, { timeout: 15000 });
        await page.reload();
        await page.waitForFunction((chars) => document.querySelector("[data-testid=text-parts]")?.dataset.chars === String(chars), chars, { timeout: 30000 });
        await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]").innerText.includes("up to 10 MB"));
        await page.locator("[data-testid=new-article]").click();
        await page.locator("[data-testid=new-article-confirm]").click();
        await page.locator("[data-testid=article-input]").fill("Short Again\n\nIt fits.");
        await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "Short Again");
        expect(!(await status.innerText()).includes("up to 10 MB"), "the message goes with the text");
        expect(await page.locator("[data-testid=text-parts]").count() === 0, "a short text is edited whole");
    }, "/", { init: observe });

    test("a long text is edited one part at a time, and the analysis covers all of it", async ({ page }) => {
        await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]")?.dataset.state === "done");
        // Invented: 400 numbered paragraphs, about 0.4 MB.
        const paragraphs = Array.from({ length: 400 }, (_, i) => `Report ${i + 1} from Velmore. The council met on Monday and the ferry to Ostra kept its timetable. ` +
            "Traders at the market said the spring had been quiet, and the toll house stayed shut for repairs. ".repeat(8));
        const text = paragraphs.join("\n\n");
        await page.evaluate((text) => {
            const area = document.querySelector("[data-testid=article-input]");
            area.value = text;
            area.dispatchEvent(new Event("input", { bubbles: true }));
        }, text);
        await page.waitForFunction((chars) => {
            const s = document.querySelector("[data-testid=analysis-status]");
            return s.dataset.state === "done" && Number(s.dataset.chars) === chars;
        }, [...text].length, { timeout: 30000 });
        const area = page.locator("[data-testid=article-input]");
        const last = await area.inputValue();
        expect(last.length < text.length / 4 && text.endsWith(last), `the text area holds the last part: ${last.length} characters`);
        expect((await page.locator("[data-testid=text-parts]").innerText()).includes("The analysis covers the whole text"), "the reader is told why");
        await page.waitForFunction(() => document.querySelector("[data-testid=article-view]").dataset.drawn === "all", null, { timeout: 30000 });
        const paragraphsDrawn = await page.locator("[data-testid=article-view] [data-testid=paragraph]").count();
        expect(paragraphsDrawn >= 399, `the whole text is analysed and drawn: ${paragraphsDrawn} paragraphs`);
        const number = page.locator("[data-testid=text-parts-number]");
        expect(Number(await number.inputValue()) === Number(await number.getAttribute("max")), "the number says which part");
        await number.fill("1");
        await number.dispatchEvent("change");
        expect((await area.inputValue()).startsWith("Report 1 from Velmore."), "part 1 is the first");
        expect(await page.evaluate(() => document.activeElement?.dataset.testid) === "text-parts-number", "focus stays on the part number");
        await area.focus();
        await page.keyboard.type("Late news. ");
        await page.waitForFunction((chars) => {
            const s = document.querySelector("[data-testid=analysis-status]");
            return s.dataset.state === "done" && Number(s.dataset.chars) === chars;
        }, [...text].length + 11, { timeout: 30000 });
        await page.locator("[data-testid=text-parts-next]").click();
        const second = await area.inputValue();
        expect(second.startsWith("Report ") && text.includes(second), "the next part follows");
        await page.locator("[data-testid=text-parts-previous]").click();
        expect((await area.inputValue()).startsWith("Late news. Report 1 from Velmore."), "the typed text is in its part");
        // A long text's draft is saved when typing pauses, or at once when the page is left.
        await page.evaluate(() => document.querySelector("[data-testid=article-input]").setSelectionRange(0, 0));
        await area.focus();
        await page.keyboard.type("Kept. ");
        await page.reload();
        await page.waitForFunction(() => document.querySelector("[data-testid=analysis-status]")?.dataset.state === "done", null, { timeout: 30000 });
        expect((await area.inputValue()).startsWith("Kept. Late news. Report 1 from Velmore."), "the draft came back after a reload at once");
    }, "/", { init: observe });

    test("a 1.1 MB article is analysed and drawn without blocking the page", async ({ page }) => {
        const text = await longArticle();
        if (!text) {
            console.log(`    skipped: ${join(EVAL, "worldwide.dev.jsonl")} is absent`);
            return;
        }
        // Issue 14's goals, on the release build under a sub-path. A busy machine can stretch
        // one task past them: a second paste, from the sample again, must then meet them all.
        let run;
        for (let attempt = 1; attempt <= 2; attempt++) {
            if (attempt > 1) {
                console.log(`    missed: ${run.missed.join("; ")}; once more from the sample`);
                await page.locator("[data-testid=load-sample]").click();
            }
            run = await pasteLongArticle(page, text);
            if (!run.missed.length) break;
        }
        expect(run.observed, "Chromium reports long tasks");
        expect(run.input <= 100, `the input event returns within 100 ms: ${run.input.toFixed(0)} ms`);
        expect(run.paragraphs > 100, `the whole article is drawn: ${run.paragraphs} paragraphs`);
        expect(!run.missed.length, run.missed.join("; "));
    }, "/sub/path/", { init: observe });
}

// A figure, not a test: from navigation to the sample analysed (the status) and drawn.
export async function coldStart(browser, origin) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
        window.__seen = {};
        new MutationObserver(() => {
            const status = document.querySelector("[data-testid=analysis-status]");
            if (!window.__seen.done && status?.dataset.state === "done") window.__seen.done = performance.now();
            if (!window.__seen.drawn && document.querySelector("[data-testid=article-view]")?.dataset.drawn === "all") window.__seen.drawn = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const runs = [];
    for (let i = 0; i < 3; i++) {
        await page.goto(origin + "/sub/path/");
        await page.waitForFunction(() => window.__seen?.drawn && window.__seen?.done);
        runs.push(await page.evaluate(() => window.__seen));
    }
    await context.close();
    const text = runs.map((r) => `${r.done.toFixed(0)}/${r.drawn.toFixed(0)}`).join(", ");
    console.log(`figure: cold start, navigation to the sample analysed/drawn: ${text} ms (3 loads, HTTP cache warm after the first)`);
}
