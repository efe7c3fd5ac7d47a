// End-to-end tests for issue 15, teaching with the page: the sources ledger, the tour of the
// parts, presentation mode, and axe-core over every state the tests reach. Registered by run.mjs.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = await readFile(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");

/// An invented article with a headline, a byline, a dateline and several quotations.
export const INVENTED_ARTICLE = [
    "Millbrook Bridge Reopens After Year of Repairs",
    "By Ada Quill",
    "",
    "MILLBROOK, Ohio, May 4 — The Elm Street bridge over the Wren River reopened on Monday after a year of repairs, county officials said.",
    "",
    "The work cost two million dollars, a third more than planned, according to a council report. Inspectors reportedly found cracks in two piers.",
    "",
    "“It is safe, and it will stay safe,” said Tom Hale, the county engineer. “We checked every bolt,” he added.",
    "",
    "Mayor Jane Roe told reporters the town had waited long enough. “Our shops need the traffic back,” she said.",
    "",
    "Traffic was light on the first morning.",
].join("\n");

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// axe-core's violations on the page as it is now. The page's CSP forbids inline scripts, so
/// axe is evaluated through the driver (test-only), not added as a script tag.
export async function axeViolations(page) {
    await page.evaluate(axeSource);
    return page.evaluate(async (tags) => {
        const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
    }, AXE_TAGS);
}

export function teachingTests({ test, expect }) {
    async function replaceText(page, text) {
        await page.locator("[data-testid=article-input]").fill(text);
        await page.waitForFunction(() => document.querySelector("[data-testid=headline]")?.innerText.includes("Millbrook"));
    }

    async function expectNoAxeViolations(page, state) {
        const violations = await axeViolations(page);
        expect(violations.length === 0, `axe in the ${state} state: ${violations.length} violations\n${violations.join("\n")}`);
        console.log(`figure: axe-core (${AXE_TAGS.join(", ")}), ${state}: 0 violations`);
    }

    const ledgerRows = (page) => page.locator("[data-testid=ledger-row]").evaluateAll((rows) => rows.map((r) => ({
        speaker: r.querySelector(".sources-ledger__speaker").innerText.trim(),
        kind: r.dataset.kind,
        cue: r.querySelector(".sources-ledger__cue").innerText.trim(),
        paragraph: r.querySelector(".sources-ledger__paragraph").innerText.trim(),
    })));

    test("the sources ledger says who says so, on the sample and on an invented article", async ({ page }) => {
        const ledger = page.locator("[data-testid=sources-ledger]");
        let rows = await ledgerRows(page);
        const has = (speaker, kind, cue) => rows.some((r) => r.speaker === speaker && r.kind === kind && (!cue || r.cue.endsWith(cue)));
        expect(has("a top Russian aerospace official", "unnamed-official"), `the aerospace official: ${JSON.stringify(rows)}`);
        expect(has("unnamed reports", "document", "said"), `"reports said": ${JSON.stringify(rows)}`);
        expect(has("unnamed reports", "anonymous", "reportedly"), `"reportedly": ${JSON.stringify(rows)}`);
        const outlets = (await ledger.locator("[data-testid=ledger-outlet]").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
        expect(outlets.length === 7, `seven outlets: ${outlets}`);
        expect(outlets.includes("AP March 12-15") && outlets.includes("AFP March 14, 16"), `outlets with dates: ${outlets}`);
        expect(/\d+ named, \d+ unnamed/.test(await ledger.locator("[data-testid=ledger-counts]").innerText()), "named and unnamed are counted");
        expect((await ledger.locator("[data-testid=ledger-unattributed]").innerText()).includes("paragraph 1"), "the lede's claims have no attribution");
        // Each row leads to its part of the text.
        await ledger.locator("[data-testid=ledger-row] button").first().click();

        await replaceText(page, INVENTED_ARTICLE);
        rows = await ledgerRows(page);
        expect(has("Tom Hale", "named-person"), `Tom Hale is named: ${JSON.stringify(rows)}`);
        expect(has("a council report", "document", "according to"), `the council report: ${JSON.stringify(rows)}`);
        expect(has("county officials", "unnamed-official", "said"), `county officials: ${JSON.stringify(rows)}`);
        expect(rows.filter((r) => r.cue.startsWith("“…”")).length >= 3, `three quotations: ${JSON.stringify(rows)}`);
        expect(await ledger.locator("[data-testid=ledger-outlet]").count() === 0, "no citation block, no outlets");
    });

    const status = (page) => page.locator("[data-testid=tour-status]").innerText();
    const caption = (page) => page.locator("[data-testid=tour-caption]");
    const currentId = (page) => page.evaluate(() => document.querySelector("[data-tour-current]")?.id ?? null);
    const mapTransform = (page) => page.locator("[data-testid=map-transform]").getAttribute("transform");

    test("the tour walks through the parts with buttons and arrow keys, and frames each step's places", async ({ page }) => {
        const wholeMap = await mapTransform(page);
        await page.locator("[data-testid=tour-start]").click();
        await page.waitForSelector("[data-tour-current]");
        expect(await currentId(page) === "aa-header", "the tour starts at the header fields");
        expect((await status(page)) === "Step 1 of 6: Header fields", `live region: ${await status(page)}`);
        expect(await page.locator("[data-testid=tour-prev]").isDisabled(), "no step before the first");
        expect(await page.locator("[data-testid=article-view][data-touring]").count() === 1, "the rest is dimmed");
        await page.locator("[data-testid=tour-next]").click();
        expect((await status(page)) === "Step 2 of 6: Lede", `live region: ${await status(page)}`);
        const lede = page.locator("[data-testid=paragraph][data-paragraph='1']");
        expect(await lede.getAttribute("data-tour-current") === "", "the lede is spotlit");
        const text = await caption(page).innerText();
        expect(text.includes("Lede") && text.includes("inverted pyramid") && text.includes("How it was read"), `caption: ${text}`);
        const chips = await page.locator("[data-testid=tour-chip]").evaluateAll((c) => c.map((b) => [b.dataset.question, b.innerText]));
        for (const question of ["Who", "When", "Where"]) expect(chips.some(([q]) => q === question), `a ${question} chip: ${chips}`);
        expect(chips.some(([, t]) => t.includes("Mohammad Khatami")), `Khatami is who: ${chips}`);
        // A chip leads to its mention.
        const chip = page.locator("[data-testid=tour-chip]").first();
        const anchor = await chip.getAttribute("data-anchor");
        await chip.click();
        await page.waitForFunction((id) => document.activeElement?.id === id, anchor);
        // The arrow keys step too, away from text fields.
        await page.evaluate(() => document.activeElement.blur());
        const transforms = new Set([wholeMap]);
        for (let i = 0; i < 4; i++) {
            await page.keyboard.press("ArrowRight");
            transforms.add(await mapTransform(page));
        }
        expect((await status(page)) === "Step 6 of 6: Sources cited", `last step: ${await status(page)}`);
        expect((await caption(page).innerText()).includes("Sources cited"), "the citation block is named");
        expect(await page.locator("[data-testid=tour-next]").isDisabled(), "no step after the last");
        expect(transforms.size > 1, "the map frames the steps' own places");
        const labels = [];
        for (let i = 0; i < 5; i++) {
            await page.keyboard.press("ArrowLeft");
            labels.push(await caption(page).getAttribute("data-part"));
        }
        expect(JSON.stringify(labels) === JSON.stringify(["Body paragraph", "Quotation", "Nut graf", "Lede", "Header fields"]), `back in document order: ${labels}`);
        await page.keyboard.press("Escape");
        expect(await currentId(page) === null && await page.locator("[data-testid=tour-caption]").count() === 0, "Escape ends the tour");

        // Any article: an invented one with a headline, byline, dateline and quotations.
        await replaceText(page, INVENTED_ARTICLE);
        await page.locator("[data-testid=tour-start]").click();
        const parts = [];
        for (;;) {
            parts.push(await caption(page).getAttribute("data-part"));
            if (await page.locator("[data-testid=tour-next]").isDisabled()) break;
            await page.locator("[data-testid=tour-next]").click();
        }
        expect(JSON.stringify(parts.slice(0, 4)) === JSON.stringify(["Headline", "Byline and dateline", "Lede", "Nut graf"]), `parts: ${parts}`);
        expect(parts.filter((p) => p === "Quotation").length === 3, `three quotations: ${parts}`);
        expect((await status(page)).startsWith(`Step ${parts.length} of ${parts.length}: `), "the live region counts the steps");
    });

    test("presentation mode: large type, slim step bar, clicker keys, blank screen, Escape restores the layout", async ({ page }) => {
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.evaluate(() => window.scrollTo(0, 200));
        const layout = () => page.evaluate(() => ({
            scroll: window.scrollY,
            boxes: [".app__input", ".app__side", ".app__map", "[data-testid=article-view]"].map((s) => {
                const r = document.querySelector(s).getBoundingClientRect();
                return [r.x, r.y, r.width, r.height].map(Math.round).join(",");
            }),
        }));
        // A single-key shortcut leaves text fields alone.
        await page.locator("[data-testid=article-input]").focus();
        await page.keyboard.press("p");
        expect(await page.evaluate(() => !document.documentElement.hasAttribute("data-presenting")), "P in the text area types");
        await page.keyboard.press("Backspace");
        await page.evaluate(() => document.activeElement.blur());
        await page.waitForFunction(() => document.querySelectorAll("[data-testid=header-fields] > div").length === 3);
        await page.evaluate(() => window.scrollTo(0, 200));
        const before = await layout();
        await page.keyboard.press("p");
        await page.waitForSelector("html[data-presenting]");
        for (const hidden of [".app__input", ".app__side", "[data-testid=article-input]"]) {
            expect(!(await page.locator(hidden).first().isVisible()), `${hidden} is hidden`);
        }
        expect(await page.locator("[data-testid=tour-next]").isVisible(), "the step bar stays");
        const measured = await page.evaluate(() => {
            const p = document.querySelector("[data-testid=paragraph]");
            const style = getComputedStyle(p);
            const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
            const luminance = (rgb) => { const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).map(Number); return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
            let bg = "rgba(0, 0, 0, 0)";
            for (let e = p; e && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
            if (/rgba\(0, 0, 0, 0\)/.test(bg)) bg = getComputedStyle(document.body).backgroundColor;
            const [l1, l2] = [luminance(style.color), luminance(bg)].sort((a, b) => b - a);
            const mark = document.querySelector("[data-testid=entity-mention][data-entity-type=PERSON]");
            const tag = getComputedStyle(mark, "::before").content;
            const markStyle = getComputedStyle(mark);
            const [m1, m2] = [luminance(markStyle.color), luminance(markStyle.backgroundColor)].sort((a, b) => b - a);
            return {
                size: parseFloat(style.fontSize),
                contrast: (l1 + 0.05) / (l2 + 0.05),
                markContrast: (m1 + 0.05) / (m2 + 0.05),
                tag,
                underline: parseFloat(markStyle.textDecorationThickness),
            };
        });
        expect(measured.size >= 28, `text at least 28 px: ${measured.size}`);
        expect(measured.contrast >= 7 && measured.markContrast >= 7, `contrast at least 7:1: ${measured.contrast.toFixed(1)}, highlights ${measured.markContrast.toFixed(1)}`);
        expect(measured.tag === '"P"', `a letter tag per highlight: ${measured.tag}`);
        expect(measured.underline >= 4, `a thicker underline: ${measured.underline}`);
        console.log(`figure: presentation at 1280×720: text ${measured.size} px, contrast ${measured.contrast.toFixed(1)}:1 (highlights ${measured.markContrast.toFixed(1)}:1), underline ${measured.underline} px`);
        const first = await status(page);
        await page.keyboard.press("PageDown");
        expect((await status(page)) !== first, "PageDown moves to the next part");
        await page.keyboard.press("PageUp");
        expect((await status(page)) === first, "PageUp moves back");
        await page.keyboard.press("b");
        expect(await page.locator("[data-testid=blank-screen]").isVisible(), "B blanks the screen");
        await page.keyboard.press("Escape");
        expect(!(await page.locator("[data-testid=blank-screen]").isVisible()), "Escape shows it again");
        await page.keyboard.press("Escape");
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-presenting"));
        await page.waitForFunction((y) => window.scrollY === y, before.scroll);
        const after = await layout();
        // Within 2 px: the boxes are rounded, and sub-pixel positions may round either way.
        const numbers = (l) => [l.scroll, ...l.boxes.flatMap((b) => b.split(",").map(Number))];
        const same = numbers(after).every((n, i) => Math.abs(n - numbers(before)[i]) <= 2);
        expect(same, `the layout comes back: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        expect(await page.locator("[data-testid=tour-caption]").count() === 0, "the tour it started ends with it");
        // The setting turns single-key shortcuts off (WCAG 2.1.4); the button still works.
        await page.locator("[data-testid=single-key-shortcuts]").uncheck();
        await page.evaluate(() => document.activeElement.blur());
        await page.keyboard.press("p");
        expect(await page.evaluate(() => !document.documentElement.hasAttribute("data-presenting")), "P is off");
        // Any article: the invented one, presented with the button and stepped with the clicker.
        await replaceText(page, INVENTED_ARTICLE);
        await page.locator("[data-testid=present]").click();
        await page.waitForSelector("html[data-presenting]");
        expect((await status(page)) === "Step 1 of 10: Headline", `the invented article's first step: ${await status(page)}`);
        await page.keyboard.press("PageDown");
        expect((await status(page)).endsWith("Byline and dateline"), `then: ${await status(page)}`);
        const size = await page.locator("[data-testid=paragraph]").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
        expect(size >= 28, `the invented article at ${size} px`);
        await page.locator("[data-testid=present]").click();
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-presenting"));
    });

    test("predict, then reveal: answers hide, and come back in order: parts, speakers, entity types, places", async ({ page }) => {
        const hidden = () => page.evaluate(() => document.documentElement.getAttribute("data-hidden-answers"));
        const speaker = page.locator("[data-testid=quotation-speaker]").first();
        const described = () => page.locator("[data-testid=entity-mention][aria-description]").count();
        const markers = page.locator("[data-testid=map-marker], [data-testid=map-cluster]");
        expect(await described() > 0, "mentions describe their types");
        await page.locator("[data-testid=hide-answers]").click();
        await page.waitForFunction(() => document.documentElement.getAttribute("data-hidden-answers") === "parts speakers types places");
        expect(!(await page.locator("[data-testid=outline]").isVisible()), "the parts' labels are hidden");
        expect((await speaker.innerText()) === "?", `the speaker is a question mark: ${await speaker.innerText()}`);
        expect(await described() === 0, "no type is left in the accessibility tree");
        const tree = await page.locator("[data-testid=article-view]").ariaSnapshot();
        expect(!/Person:|Place:|Organisation:/.test(tree), `no type in the article's accessibility tree: ${tree.slice(0, 300)}`);
        expect(!(await page.locator("[data-testid=entity-legend]").isVisible()), "the type switches are hidden");
        expect(await markers.count() === 0 || !(await markers.first().isVisible()), "the markers are hidden");
        expect(!(await page.locator("[data-testid=sources-ledger]").isVisible()), "the ledger would give the speakers away");
        await expectNoAxeViolations(page, "answers hidden");

        await page.locator("[data-testid=reveal-next]").click();
        expect(await hidden() === "speakers types places", `parts first: ${await hidden()}`);
        expect(await page.locator("[data-testid=outline]").isVisible(), "the outline is back");
        expect((await speaker.innerText()) === "?", "speakers still hidden");
        await page.locator("[data-testid=reveal-next]").click();
        expect(await hidden() === "types places", `speakers next: ${await hidden()}`);
        expect((await speaker.innerText()).includes("a top Russian aerospace official"), "the speaker is back");
        expect(await described() === 0, "types still hidden");
        await page.locator("[data-testid=reveal-next]").click();
        expect(await hidden() === "places", `types next: ${await hidden()}`);
        expect(await described() > 0, "the types are back");
        await page.locator("[data-testid=reveal-next]").click();
        expect(await hidden() === null, "places last, then all is shown");
        if (await markers.count()) expect(await markers.first().isVisible(), "the markers are back");

        // Any article: hidden answers stay hidden when the text changes.
        await page.locator("[data-testid=hide-answers]").click();
        await replaceText(page, INVENTED_ARTICLE);
        await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=quotation-speaker]")].every((b) => b.textContent === "?"));
        expect(await described() === 0, "the invented article's types are hidden too");
        await page.locator("[data-testid=hide-answers]").click();
        await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=quotation-speaker]")].some((b) => b.textContent.includes("Tom Hale")));
    });

    test("scramble: paragraphs shuffled, put back by dragging, by buttons and with Alt+arrows, then checked", async ({ page }) => {
        const order = () => page.locator("[data-testid=scramble-item]").evaluateAll((items) => items.map((i) => Number(i.dataset.paragraph)));
        for (const article of ["sample", "invented"]) {
            if (article === "invented") await replaceText(page, INVENTED_ARTICLE);
            await page.locator("[data-testid=scramble]").click();
            const shuffled = await order();
            const n = article === "sample" ? 3 : 5;
            expect(shuffled.length === n && JSON.stringify([...shuffled].sort()) === JSON.stringify([...Array(n).keys()].map((i) => i + 1)), `a permutation: ${shuffled}`);
            expect(JSON.stringify(shuffled) !== JSON.stringify([...shuffled].sort()), `not in order: ${shuffled}`);
            await page.locator("[data-testid=scramble-check]").click();
            const offsets = await page.locator("[data-testid=scramble-distance]").evaluateAll((d) => d.map((e) => Number(e.dataset.distance)));
            expect(JSON.stringify(offsets) === JSON.stringify(shuffled.map((p, i) => i - (p - 1))), `distances: ${offsets} for ${shuffled}`);
            // Dragging moves a paragraph.
            const items = page.locator("[data-testid=scramble-item]");
            await items.first().locator(".scramble__text").hover();
            await page.mouse.down();
            await items.last().locator(".scramble__text").hover();
            await page.mouse.up();
            const dragged = await order();
            expect(dragged[n - 1] === shuffled[0], `dragged to the end: ${shuffled} → ${dragged}`);
            // Keyboard: Alt+↑ brings each paragraph up to its place, and focus follows it.
            for (let want = 1; want <= n; want++) {
                let current = await order();
                let at = current.indexOf(want);
                await page.locator(`[data-testid=scramble-item][data-paragraph="${want}"]`).focus();
                while (at > want - 1) {
                    await page.keyboard.press("Alt+ArrowUp");
                    await page.waitForFunction(([want, at]) => [...document.querySelectorAll("[data-testid=scramble-item]")]
                        .findIndex((i) => i.dataset.paragraph === String(want)) === at - 1, [want, at]);
                    await page.waitForFunction((want) => document.activeElement?.dataset.paragraph === String(want), want);
                    at -= 1;
                }
            }
            expect(JSON.stringify(await order()) === JSON.stringify([...Array(n).keys()].map((i) => i + 1)), "back in order");
            await page.locator("[data-testid=scramble-check]").click();
            expect((await page.locator("[data-testid=scramble-status]").innerText()).includes("Every paragraph is in its place"), "checked");
            // Touch and mouse without dragging: the Up and Down buttons.
            await page.locator("[data-testid=scramble-item]").first().getByRole("button", { name: "Down" }).click();
            expect((await order())[1] === 1, "Move down moves it");
            await page.locator("[data-testid=scramble-done]").click();
            expect(await page.locator("[data-testid=scramble-item]").count() === 0, "Done ends the puzzle");
        }
    });

    test("the worksheet and the answer key print as different pages, on A4 and on Letter", async ({ page }) => {
        const drawn = () => page.evaluate(() => ({
            paragraphs: document.querySelectorAll("[data-testid=worksheet-paragraph]").length,
            places: document.querySelectorAll("[data-testid=answer-key-places] li").length,
        }));
        // The sheets are drawn for printing only, not with every analysis.
        const idle = await drawn();
        expect(idle.paragraphs === 0 && idle.places === 0, `no sheets before printing: ${JSON.stringify(idle)}`);
        // The page's own print shows no sheet, so draws none.
        await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
        const plain = await drawn();
        await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
        expect(plain.paragraphs === 0, `no sheets for the page's own print: ${JSON.stringify(plain)}`);
        await page.evaluate(() => {
            window.__printed = [];
            // What the print snapshot would hold: the sheet asked for and the sheets' rows.
            window.print = () => window.__printed.push([
                document.documentElement.getAttribute("data-print-sheet"),
                document.querySelectorAll("[data-testid=worksheet-paragraph]").length,
                document.querySelectorAll("[data-testid=answer-key-places] li").length,
            ]);
        });
        await page.locator("[data-testid=print-worksheet]").click();
        await page.locator("[data-testid=print-answer-key]").click();
        const printed = await page.evaluate(() => window.__printed);
        expect(printed.length === 2 && printed[0][0] === "worksheet" && printed[1][0] === "answer-key", `each button prints its sheet: ${JSON.stringify(printed)}`);
        expect(printed.every(([, paragraphs, places]) => paragraphs === 3 && places >= 1), `the sheets are whole when printing starts: ${JSON.stringify(printed)}`);
        expect(await page.evaluate(() => !document.documentElement.hasAttribute("data-print-sheet")), "the page is itself again after");
        const after = await drawn();
        expect(after.paragraphs === 0 && after.places === 0, `the sheets are taken off after printing: ${JSON.stringify(after)}`);
        expect(!(await page.locator("[data-testid=worksheet]").isVisible()), "sheets are for paper only");

        const pdfs = {};
        for (const article of ["sample", "invented"]) {
            if (article === "invented") await replaceText(page, INVENTED_ARTICLE);
            await page.emulateMedia({ media: "print" });
            for (const sheet of ["worksheet", "answer-key"]) {
                // The browser's own print (Ctrl+P after a sheet button's attribute): `beforeprint`
                // draws the sheets in its handler, before the snapshot, for the article shown (and
                // each PDF below is a print of its own, whose `afterprint` takes them off).
                await page.evaluate((sheet) => {
                    document.documentElement.setAttribute("data-print-sheet", sheet);
                    window.dispatchEvent(new Event("beforeprint"));
                }, sheet);
                const rows = await drawn();
                expect(rows.paragraphs === (article === "sample" ? 3 : 5), `beforeprint draws the sheets: ${JSON.stringify(rows)}`);
                // The invented article's places may come after its structure: the sheets follow them.
                if (article === "sample") expect(rows.places >= 1, `beforeprint draws the answer key: ${JSON.stringify(rows)}`);
                else await page.waitForFunction(() => document.querySelectorAll("[data-testid=answer-key-places] li").length >= 1, null, { timeout: 10000 });
                if (sheet === "worksheet") {
                    const worksheet = page.locator("[data-testid=worksheet]");
                    expect(await worksheet.isVisible() && !(await page.locator("[data-testid=article-view]").isVisible()), "the worksheet alone");
                    const paragraphs = await page.locator("[data-testid=worksheet-paragraph]").count();
                    expect(paragraphs === (article === "sample" ? 3 : 5), `numbered paragraphs: ${paragraphs}`);
                    expect(await page.locator("[data-testid=worksheet-organiser] tr").count() === 6, "an empty 5W+H organiser");
                    const speakers = await page.locator("[data-testid=worksheet-speaker]").allInnerTexts();
                    expect(speakers.length >= 1 && speakers.every((t) => t.trim() === ""), `an empty speaker column: ${speakers}`);
                    expect(await page.locator("[data-testid=worksheet-pyramid] li").count() === 3, "an empty pyramid");
                    const text = await worksheet.innerText();
                    for (const answer of ["Lede", "Nut graf", "Person", "unnamed official", "named person"]) {
                        expect(!text.includes(answer), `no answer on the worksheet: ${answer}`);
                    }
                } else {
                    expect(await page.locator("[data-testid=article-view]").isVisible(), "the marks");
                    expect(await page.locator("[data-testid=sources-ledger]").isVisible(), "the sources ledger");
                    expect(!(await page.locator("[data-testid=worksheet]").isVisible()), "not the worksheet");
                    const tag = await page.locator("[data-testid=entity-mention]").first().evaluate((m) => getComputedStyle(m, "::before").content);
                    expect(/^"[A-Z]"$/.test(tag), `a letter tag per mark: ${tag}`);
                    const places = await page.locator("[data-testid=answer-key-places] li").count();
                    expect(places >= 1 && await page.locator(".answer-key__marker").count() === places, `numbered places on the map: ${places}`);
                }
                for (const format of ["A4", "Letter"]) {
                    const pdf = await page.pdf({ format, printBackground: true });
                    const raw = pdf.toString("latin1");
                    expect(raw.startsWith("%PDF"), "a PDF");
                    const box = raw.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/);
                    const [w, h] = box ? [Number(box[1]), Number(box[2])] : [0, 0];
                    expect(format === "A4" ? Math.abs(w - 595) < 2 && Math.abs(h - 842) < 2 : w === 612 && h === 792, `${format} pages: ${w}×${h}`);
                    pdfs[`${article} ${sheet} ${format}`] = pdf;
                    const pages = (raw.match(/\/Type\s*\/Page[^s]/g) || []).length;
                    console.log(`figure: ${article} ${sheet} on ${format}: ${pages} page(s), ${pdf.length} bytes`);
                }
            }
            await page.evaluate(() => {
                document.documentElement.removeAttribute("data-print-sheet");
                window.dispatchEvent(new Event("afterprint"));
            });
            expect((await drawn()).paragraphs === 0, "afterprint takes the sheets off");
            await page.emulateMedia({ media: "screen" });
        }
        expect(!pdfs["sample worksheet A4"].equals(pdfs["sample answer-key A4"]), "the worksheet and the key differ");
    });

    test("forced colours keep the types apart, the page reflows at 320 px and 200% zoom, hover content dismisses with Escape", async ({ page }) => {
        await page.emulateMedia({ forcedColors: "active" });
        const marks = await page.locator("[data-testid=entity-mention]").evaluateAll((ms) => {
            const byType = {};
            for (const m of ms) {
                const style = getComputedStyle(m);
                byType[m.dataset.entityType] = `${getComputedStyle(m, "::before").content} ${style.textDecorationStyle}`;
            }
            return byType;
        });
        const looks = Object.values(marks);
        expect(looks.length >= 4 && new Set(looks).size === looks.length && looks.every((l) => /^"[A-Z]"/.test(l)), `each type its own tag and underline: ${JSON.stringify(marks)}`);
        await page.emulateMedia({ forcedColors: "none" });
        // 320 CSS px wide, and 1280 px at 200% zoom (640 CSS px): no sideways scrolling.
        for (const width of [320, 640]) {
            await page.setViewportSize({ width, height: 720 });
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow <= 0, `reflow at ${width} px: ${overflow} px too wide`);
        }
        await page.setViewportSize({ width: 1400, height: 900 });
        const mark = page.locator("[data-testid=entity-mention]").first();
        await mark.hover();
        const tip = () => mark.evaluate((m) => {
            const style = getComputedStyle(m, "::after");
            return style.display === "none" ? "none" : style.content;
        });
        expect((await tip()) !== "none", "the evidence shows on hover");
        await page.keyboard.press("Escape");
        expect((await tip()) === "none", `Escape dismisses it: ${await tip()}`);
        await page.mouse.move(0, 0);
        await mark.hover();
        expect((await tip()) !== "none", "it shows again on the next hover");
    });

    test("axe-core finds no WCAG 2.2 AA violation in any state: default, dark, presentation, tour, place card, dialog", async ({ page }) => {
        await expectNoAxeViolations(page, "default");
        await page.locator("[data-testid=tour-start]").click();
        await page.locator("[data-testid=tour-next]").click();
        await expectNoAxeViolations(page, "tour");
        await page.locator("[data-testid=tour-end]").click();
        await page.locator("[data-testid=present]").click();
        await page.waitForSelector("html[data-presenting]");
        await expectNoAxeViolations(page, "presentation");
        await page.keyboard.press("Escape");
        await page.waitForFunction(() => !document.documentElement.hasAttribute("data-presenting"));
        const marker = page.locator("[data-testid=map-marker]").first();
        if (await marker.count()) {
            await marker.click();
            await page.waitForSelector("[data-testid=place-card]");
            await expectNoAxeViolations(page, "place card open");
        }
        await page.emulateMedia({ colorScheme: "dark" });
        await expectNoAxeViolations(page, "dark");
        await page.locator("[data-testid=hide-answers]").click();
        await expectNoAxeViolations(page, "dark, answers hidden");
        await page.locator("[data-testid=hide-answers]").click();
        await page.emulateMedia({ colorScheme: "light" });
        // The dialog asks only when the text area holds the reader's own text.
        await replaceText(page, INVENTED_ARTICLE);
        await expectNoAxeViolations(page, "invented article");
        await page.locator("[data-testid=tour-start]").click();
        await expectNoAxeViolations(page, "invented article, tour");
        await page.locator("[data-testid=tour-end]").click();
        await page.locator("[data-testid=scramble]").click();
        await page.locator("[data-testid=scramble-check]").click();
        await expectNoAxeViolations(page, "invented article, scrambled and checked");
        await page.locator("[data-testid=new-article]").click();
        await page.waitForSelector("[data-testid=new-article-dialog][open]");
        await expectNoAxeViolations(page, "new-article dialog open");
        await page.keyboard.press("Escape");
    });
}
