// Builds data/basemap.bin.lzma, the country shapes the page's map draws, from two npm packages:
// world-atlas (Natural Earth 1:50m countries as TopoJSON, public domain) and i18n-iso-countries
// (ISO 3166 numeric → alpha-2 codes and English names). Usage: node scripts/data/basemap.mjs
//
// The output depends only on the two pinned tarballs (checked against their registry integrity),
// so running it twice gives the same bytes. The file is LZMA-compressed by scripts/data/_pack.py
// (as the other large data files; src/analysis/packed.rs unpacks it). Format (all integers LEB128
// varints, signed ones zigzag-encoded), read by src/map/basemap.rs:
//
//   "AABM" 1                      magic and format version
//   units                         grid steps per degree
//   arc count, then per arc:      point count, first point (lon, lat) absolute, then deltas
//   country count, then per country:
//     code (2 bytes, "--" when the shape has no ISO code), name length, name (UTF-8),
//     ring count, then per ring: arc count, then arc references (~i = arc i reversed)
//
// Arcs are shared between neighbours as in TopoJSON, so a border is stored once; each arc is
// simplified on its own (Douglas–Peucker with fixed ends), which keeps neighbours' borders equal.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGES = {
    "world-atlas@2.0.2": "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
    "i18n-iso-countries@7.14.0": "sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg==",
};
/// 50 steps per degree (about 2 km at the equator): finer than a pixel at the map's deepest zoom.
const UNITS_PER_DEGREE = 50;
/// Douglas–Peucker tolerance in grid steps.
const SIMPLIFY_TOLERANCE = 1.0;
/// Shapes Natural Earth draws without an ISO 3166 numeric code. Kosovo's XK is the code in
/// common use (GeoNames, the EU); the others stay uncoded: drawn, never shaded.
const UNCODED = { Kosovo: "XK" };

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = mkdtempSync(join(tmpdir(), "basemap-"));
try {
    const unpacked = {};
    for (const [spec, integrity] of Object.entries(PACKAGES)) {
        const dir = join(work, spec.split("@")[0]);
        execFileSync("mkdir", ["-p", dir]);
        execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", dir], { stdio: ["ignore", "ignore", "inherit"] });
        const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz")));
        const actual = "sha512-" + createHash("sha512").update(readFileSync(tarball)).digest("base64");
        if (actual !== integrity) throw new Error(`${spec}: integrity ${actual}, expected ${integrity}`);
        execFileSync("tar", ["xzf", tarball, "-C", dir]);
        unpacked[spec.split("@")[0]] = join(dir, "package");
    }
    const topology = JSON.parse(readFileSync(join(unpacked["world-atlas"], "countries-50m.json"), "utf8"));
    const codes = JSON.parse(readFileSync(join(unpacked["i18n-iso-countries"], "codes.json"), "utf8"));
    const english = JSON.parse(readFileSync(join(unpacked["i18n-iso-countries"], "langs", "en.json"), "utf8")).countries;
    const bytes = encode(topology, codes, english);
    writeFileSync(join(work, "basemap.bin"), bytes);
    const packed = join(root, "data", "basemap.bin.lzma");
    execFileSync("python3", [join(root, "scripts", "data", "_pack.py"), join(work, "basemap.bin"), packed]);
    console.log(`data/basemap.bin.lzma: ${bytes.length} bytes, ${readFileSync(packed).length} packed`);
} finally {
    rmSync(work, { recursive: true, force: true });
}

function encode(topology, codes, english) {
    const alpha2ByNumeric = new Map(codes.map(([alpha2, , numeric]) => [numeric, alpha2]));
    const arcs = topology.arcs.map((arc) => simplify(dedupe(requantise(decodeArc(arc, topology.transform)))));
    const countries = topology.objects.countries.geometries
        .map((geometry) => {
            const fallback = geometry.properties.name;
            const code = geometry.id ? alpha2ByNumeric.get(geometry.id) : UNCODED[fallback];
            if (geometry.id && !code) throw new Error(`no alpha-2 code for ${geometry.id} ${fallback}`);
            const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
            return { code: code || "--", name: displayName(code, fallback, english), rings: polygons.flat() };
        })
        .filter((country) => country.rings.length > 0)
        // Natural Earth draws a few territories apart under their country's code (Ashmore and
        // Cartier Islands are Australia's 036): one code, one shape, under the larger part's name.
        .sort((a, b) => b.rings.flat().length - a.rings.flat().length || (a.name < b.name ? -1 : 1))
        .reduce((merged, country) => {
            const same = country.code !== "--" && merged.find((c) => c.code === country.code);
            if (same) same.rings.push(...country.rings);
            else merged.push(country);
            return merged;
        }, [])
        .sort((a, b) => (a.code + a.name < b.code + b.name ? -1 : 1));

    const out = [];
    const uint = (n) => {
        if (!Number.isInteger(n) || n < 0) throw new Error(`not a natural number: ${n}`);
        while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); }
        out.push(n);
    };
    const int = (n) => uint(n < 0 ? -2 * n - 1 : 2 * n);
    out.push(..."AABM".split("").map((c) => c.charCodeAt(0)), 1);
    uint(UNITS_PER_DEGREE);
    uint(arcs.length);
    for (const arc of arcs) {
        uint(arc.length);
        let [px, py] = [0, 0];
        for (const [x, y] of arc) { int(x - px); int(y - py); [px, py] = [x, y]; }
    }
    uint(countries.length);
    for (const country of countries) {
        out.push(country.code.charCodeAt(0), country.code.charCodeAt(1));
        const name = Buffer.from(country.name, "utf8");
        uint(name.length);
        out.push(...name);
        uint(country.rings.length);
        for (const ring of country.rings) {
            uint(ring.length);
            for (const reference of ring) int(reference);
        }
    }
    return Buffer.from(out);
}

/// TopoJSON stores quantised arcs as deltas; this gives absolute degrees.
function decodeArc(arc, transform) {
    let [x, y] = [0, 0];
    return arc.map(([dx, dy]) => {
        x += dx;
        y += dy;
        return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]];
    });
}

function requantise(points) {
    return points.map(([lon, lat]) => [Math.round(lon * UNITS_PER_DEGREE), Math.round(lat * UNITS_PER_DEGREE)]);
}

function dedupe(points) {
    return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

/// Douglas–Peucker, iterative; the ends stay, so arcs still meet where they met.
function simplify(points) {
    if (points.length <= 2) return points;
    const keep = new Array(points.length).fill(false);
    keep[0] = keep[points.length - 1] = true;
    const stack = [[0, points.length - 1]];
    while (stack.length) {
        const [first, last] = stack.pop();
        let farthest = -1;
        let distance = SIMPLIFY_TOLERANCE;
        for (let i = first + 1; i < last; i++) {
            const d = distanceToSegment(points[i], points[first], points[last]);
            if (d > distance) { distance = d; farthest = i; }
        }
        if (farthest >= 0) {
            keep[farthest] = true;
            stack.push([first, farthest], [farthest, last]);
        }
    }
    // A closed arc (an island drawn by one arc) keeps at least a triangle.
    const kept = points.filter((_, i) => keep[i]);
    if (kept.length < 4 && points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]) {
        const step = (points.length - 1) / 3;
        return [0, 1, 2, 3].map((k) => points[Math.round(k * step)]);
    }
    return kept;
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
    const [dx, dy] = [bx - ax, by - ay];
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/// Natural Earth's short names abbreviate ("Dem. Rep. Congo"); ISO's official ones are long
/// ("Moldova, Republic of"). Natural Earth's name wins unless it abbreviates.
function displayName(code, fallback, english) {
    if (!fallback.includes(".") || !code || !english[code]) return fallback;
    const names = [english[code]].flat();
    return names.find((n) => !n.includes(",")) || names[0];
}
