// A static file server for the built page, on loopback only. It serves the same files at the
// root and under a sub-path, to prove the page works from any folder.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".png": "image/png",
};

// `server.requests` lists every path asked for, so tests can prove what the page fetches.
export function serveStatic(root, prefixes = ["/", "/sub/path/"]) {
    const requests = [];
    const server = createServer(async (req, res) => {
        const url = new URL(req.url, "http://localhost");
        requests.push(url.pathname);
        const prefix = prefixes.filter((p) => url.pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0];
        if (!prefix) {
            res.writeHead(404).end();
            return;
        }
        let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
        const path = normalize(join(root, rel));
        if (!path.startsWith(normalize(root))) {
            res.writeHead(403).end();
            return;
        }
        try {
            const info = await stat(path);
            const file = info.isDirectory() ? join(path, "index.html") : path;
            const body = await readFile(file);
            res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" }).end(body);
        } catch {
            res.writeHead(404).end();
        }
    });
    server.requests = requests;
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const root = process.argv[2] || "dist";
    const server = await serveStatic(root);
    console.log(`serving ${root} at http://127.0.0.1:${server.address().port}/`);
}
