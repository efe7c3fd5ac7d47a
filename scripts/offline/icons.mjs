// Renders public/favicon.svg to the PNG icons the web app manifest lists, with Chromium.
// Run from the repository root after changing the SVG: node scripts/offline/icons.mjs
// (with Debian's pngquant installed, the icons are then cut to a palette: 47 KB → 11 KB).
import { chromium } from "../../e2e/node_modules/playwright-core/index.mjs";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";

const svg = await readFile("public/favicon.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
for (const [name, size, padding] of [["icon-192.png", 192, 0], ["icon-512.png", 512, 0], ["icon-maskable-512.png", 512, 0.1]]) {
    // Maskable icons keep their drawing inside the central safe zone, on a full-bleed background.
    const inner = Math.round(size * (1 - 2 * padding));
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<body style="margin:0;background:${padding ? "#1f3a5f" : "transparent"};display:grid;place-items:center;height:${size}px">
        <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" width="${inner}" height="${inner}"></body>`);
    await page.screenshot({ path: `public/${name}`, omitBackground: !padding });
    try {
        execFileSync("pngquant", ["--force", "--skip-if-larger", "--strip", "--quality", "60-90", "--output", `public/${name}`, `public/${name}`]);
    } catch (error) {
        console.warn(`pngquant did not shrink ${name}: ${error.message}`);
    }
}
await browser.close();
