// Trunk post_build hook (Trunk.toml). Works on the staging folder before it becomes dist/:
// 1. moves Trunk's inline loader <script> into a file, so the page runs under a strict CSP
//    (script-src 'self', no 'unsafe-inline');
// 2. writes the analysis worker's script, which imports the same glue and runs the same wasm
//    as the page, and names it in a <meta name="article-atlas-worker"> the page reads;
//    (2b. minifies the wasm-bindgen glue;)
// 3. joins the components' stylesheets into one file, without their comments and indentation;
// 4. writes sw.js with a cache version and file list computed from this build's files.
// A development build (ARTICLE_ATLAS_DEV=1, set by scripts/serve.sh, or Trunk's autoreload
// being present) gets a service worker that removes itself instead of caching.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("post_build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is unset)");
const indexPath = join(staging, "index.html");
let html = await readFile(indexPath, "utf8");
const autoreload = html.includes(".well-known/trunk/ws");
const dev = process.env.ARTICLE_ATLAS_DEV === "1" || autoreload;

const sha = (data) => createHash("sha256").update(data).digest("hex");

// 1. The loader. Trunk writes exactly one inline module: import the glue, init the wasm.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
const loaders = inline.filter(([, attrs]) => /type="module"/.test(attrs));
if (loaders.length !== 1) throw new Error(`expected one inline module loader in index.html, found ${loaders.length}`);
const [loaderTag, , loaderCode] = loaders[0];
const register = dev ? "" : await readFile(join(here, "register.js"), "utf8");
const boot = `${loaderCode.trim()}\n${register}`;
const bootName = `boot-${sha(boot).slice(0, 16)}.js`;
await writeFile(join(staging, bootName), boot);
const base = process.env.TRUNK_PUBLIC_URL || "./";
html = html.replace(loaderTag, `<script type="module" src="${base}${bootName}"></script>`);

// 2. The analysis worker: the glue's hashed name filled in, and its own name hashed.
const glue = loaderCode.match(/from\s+["']([^"']+\.js)["']/);
if (!glue) throw new Error("no wasm-bindgen glue import in Trunk's loader");
const glueName = glue[1].split("/").pop();
const workerCode = (await readFile(join(here, "analysis-worker.js"), "utf8")).replace("__GLUE__", `./${glueName}`);
const workerName = `analysis-worker-${sha(workerCode).slice(0, 16)}.js`;
await writeFile(join(staging, workerName), workerCode);
html = html.replace("</head>", `<meta name="article-atlas-worker" content="${base}${workerName}">\n</head>`);

// 2b. The glue, minified (esbuild, from e2e/'s npm packages): wasm-bindgen writes it readable,
// 10.3 KB gzip -9 of a first load held to 1.5 MB, 7.9 KB minified. Its exports keep their names,
// and the preload's integrity hash follows the new content. A development build keeps it readable.
// The snippets wasm-bindgen writes beside it (`inline_js`, preloaded the same way) likewise.
if (!dev) {
    const esbuild = createRequire(join(here, "../../e2e/package.json"))("esbuild");
    const snippets = (await files(staging)).filter((path) => path.startsWith(join(staging, "snippets") + sep) && path.endsWith(".js"));
    for (const path of [join(staging, glueName), ...snippets]) {
        const { code } = await esbuild.transform(await readFile(path, "utf8"), { minify: true, format: "esm" });
        await writeFile(path, code);
        const name = relative(staging, path).split(sep).join("/");
        const preload = new RegExp(`(<link[^>]*href="[^"]*${name.replace(/[.]/g, "\\.")}"[^>]*integrity=")([^"]+)(")`);
        if (preload.test(html)) html = html.replace(preload, `$1sha384-${createHash("sha384").update(code).digest("base64")}$3`);
    }
}

const others = inline.filter(([tag]) => tag !== loaderTag);
if (others.length && !autoreload) throw new Error("index.html has inline scripts the CSP would block");
if (/\sstyle="/.test(html) || /<style\b/.test(html)) throw new Error("index.html has inline styles the CSP would block");
if (autoreload) {
    // Trunk's live-reload client is inline and only exists under trunk serve.
    html = html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
}
// 3. One stylesheet. Each component's CSS sits next to it in style/, and Trunk writes each as a
// file of its own; served as one response each, they compress apart: 32 files took 19.6 KB
// gzip -9, joined 10.4 KB. Joined in the page's order, the cascade is the same.
const sheets = [...html.matchAll(/[ \t]*<link rel="stylesheet" href="([^"]+\.css)"[^>]*>\n?/g)];
if (sheets.length > 1) {
    const parts = [];
    for (const [, href] of sheets) {
        const name = href.split("/").pop();
        parts.push(await readFile(join(staging, name), "utf8"));
        await rm(join(staging, name));
    }
    const css = minifyCss(parts.join("\n"));
    const name = `style-${sha(css).slice(0, 16)}.css`;
    await writeFile(join(staging, name), css);
    const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
    const href = sheets[0][1].replace(/[^/]*$/, name);
    html = html.replace(sheets[0][0], `    <link rel="stylesheet" href="${href}" integrity="${integrity}"/>\n`);
    for (const [tag] of sheets.slice(1)) html = html.replace(tag, "");
}
await writeFile(indexPath, html);

// The stylesheets' comments say why a rule is there, for the sources in style/; the page needs
// none of them, nor the indentation: 3.4 KB gzip -9 of a first load held to 1.5 MB. Strings are
// copied as they are; whitespace goes only where CSS never needs it (next to { } ; , and at a
// rule's end), so `calc(a + b)`, combinators and `a :hover` keep theirs.
function minifyCss(css) {
    let out = "";
    let i = 0;
    const dropsSpace = (c) => c === "{" || c === "}" || c === ";" || c === ",";
    while (i < css.length) {
        const c = css[i];
        if (c === '"' || c === "'") {
            let j = i + 1;
            while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
            out += css.slice(i, j + 1);
            i = j + 1;
        } else if (c === "/" && css[i + 1] === "*") {
            const end = css.indexOf("*/", i + 2);
            i = end < 0 ? css.length : end + 2;
        } else if (/\s/.test(c)) {
            while (i < css.length && /\s/.test(css[i])) i++;
            const next = css[i];
            if (out && !dropsSpace(out[out.length - 1]) && next !== undefined && !dropsSpace(next) && !(next === "/" && css[i + 1] === "*")) out += " ";
        } else {
            if (c === "}" && out.endsWith(";")) out = out.slice(0, -1);
            if (dropsSpace(c) && out.endsWith(" ")) out = out.slice(0, -1);
            out += c;
            i++;
        }
    }
    return out;
}

// 4. The service worker.
async function files(dir) {
    const out = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) out.push(...await files(path));
        else out.push(path);
    }
    return out;
}
const assets = (await files(staging))
    .map((path) => relative(staging, path).split(sep).join("/"))
    .filter((path) => path !== "sw.js")
    .sort();
const hash = createHash("sha256");
for (const path of assets) {
    hash.update(path).update("\0").update(await readFile(join(staging, path))).update("\0");
}
const version = hash.digest("hex").slice(0, 16);
const worker = dev
    ? await readFile(join(here, "sw-off.js"), "utf8")
    : (await readFile(join(here, "sw.js"), "utf8"))
        .replace("__VERSION__", version)
        .replace("__ASSETS__", JSON.stringify(assets.map((path) => `./${path}`), null, 4));
await writeFile(join(staging, "sw.js"), worker);
console.log(`post_build: ${dev ? "development build, service worker off" : `service worker ${version} caches ${assets.length} files`}; loader in ${bootName}, analysis worker in ${workerName}, ${sheets.length} stylesheets in one`);
