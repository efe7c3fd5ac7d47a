#!/usr/bin/env python3
"""Toponym resolution figures on the evaluation dev splits, and a listing of the errors.

For each geoparsing set (gwn, lgl, trnews, geovirus) this
  * resolves the gold LOC spans (`examples/resolve_gold.rs --explain`) and prints score.py's
    resolution figures (acc@161, mean and median km, AUC, spans left unresolved);
  * runs the CLI end to end (`article-atlas eval`) and prints the share of non-optional gold LOC
    with coordinates that are found with the exact span AND resolved within 161 km;
  * writes the errors on gold spans to OUT/errors-SET.txt: gold point, predicted
    place (name, country, kind), distance, the explanation, whether one of the alternatives was
    within 161 km of the gold point, and the text around the mention.

Only for measuring and finding error classes: fix them with general rules and better data,
never by copying names from the evaluation files.

`--misses` also sorts every end-to-end miss into one class and writes them to
OUT/misses-SET.txt: not found at all, found with another span (overlapping), found with the exact
span but labelled other than LOC, found but without coordinates, placed more than 161 km away.
Predictions and error files go to a fresh temporary folder OUT (or RESOLUTION_OUT).

`--no-embedded-places` passes that flag to `article-atlas eval` (the toponyms inside
organisations' names are then left out). The gold-span resolution takes them as evidence, as the page does;
`--no-embedded-evidence` leaves them out of it.

Usage: scripts/resolution_report.py [EVAL_DIR] [--no-build] [--sets gwn,lgl] [--misses] [--no-embedded-places] [--no-embedded-evidence]
"""

import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = ["gwn", "lgl", "trnews", "geovirus"]


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def gold_toponyms(doc):
    return [e for e in doc["entities"]
            if e["label"] == "LOC" and not e.get("optional") and e.get("lat") is not None]


def end_to_end_share(gold_path, pred_path):
    preds = {}
    for line in open(pred_path):
        d = json.loads(line)
        preds[d["id"]] = {(e["start"], e["end"]): e for e in d["entities"] if e["label"] == "LOC"}
    total = hit = 0
    for line in open(gold_path):
        doc = json.loads(line)
        for g in gold_toponyms(doc):
            total += 1
            p = preds.get(doc["id"], {}).get((g["start"], g["end"]))
            if p and p.get("lat") is not None and km(g["lat"], g["lon"], p["lat"], p["lon"]) <= 161:
                hit += 1
    return hit / total if total else 0.0, total


def classify_misses(gold_path, pred_path, out_path):
    """Counts end-to-end misses by class and writes one line per miss."""
    preds = {}
    for line in open(pred_path):
        d = json.loads(line)
        preds[d["id"]] = d["entities"]
    counts = {}
    with open(out_path, "w") as out:
        for line in open(gold_path):
            doc = json.loads(line)
            text = doc["text"]
            ents = preds.get(doc["id"], [])
            for g in gold_toponyms(doc):
                span = (g["start"], g["end"])
                same = [e for e in ents if (e["start"], e["end"]) == span]
                loc = next((e for e in same if e["label"] == "LOC"), None)
                detail = ""
                if loc:
                    if loc.get("lat") is None:
                        kind = "no-coordinates"
                    else:
                        d = km(g["lat"], g["lon"], loc["lat"], loc["lon"])
                        if d <= 161:
                            continue
                        kind = "placed-far"
                        detail = f"{loc.get('name')}|{loc.get('country')} {d:.0f} km"
                elif same:
                    kind = "label-" + same[0]["label"]
                else:
                    over = [e for e in ents if e["start"] < g["end"] and g["start"] < e["end"]]
                    if over:
                        o = over[0]
                        kind = "span-" + ("LOC" if o["label"] == "LOC" else "other")
                        detail = f"{o['label']} «{text[o['start']:o['end']]}»"
                    else:
                        kind = "not-found"
                counts[kind] = counts.get(kind, 0) + 1
                context = text[max(0, g["start"] - 60):g["end"] + 40].replace("\n", " ")
                out.write(f"{kind}\t{doc['id']}\t{text[g['start']:g['end']]}\t{detail}\t{context}\n")
    return counts


def write_errors(gold_path, pred_path, out_path):
    preds = {}
    for line in open(pred_path):
        d = json.loads(line)
        preds[d["id"]] = {(e["start"], e["end"]): e for e in d["entities"]}
    errors = 0
    with open(out_path, "w") as out:
        for line in open(gold_path):
            doc = json.loads(line)
            text = doc["text"]
            for g in gold_toponyms(doc):
                p = preds.get(doc["id"], {}).get((g["start"], g["end"]), {})
                context = text[max(0, g["start"] - 60):g["end"] + 40].replace("\n", " ")
                surface = text[g["start"]:g["end"]]
                if p.get("lat") is None:
                    out.write(f"NONE\t{doc['id']}\t{surface}\tgold {g['lat']:.2f},{g['lon']:.2f}"
                              f"\t\t\t\t\t{context}\n")
                    errors += 1
                    continue
                d = km(g["lat"], g["lon"], p["lat"], p["lon"])
                if d <= 161:
                    continue
                errors += 1
                good = [a for a in p.get("alternatives", []) if km(g["lat"], g["lon"], a[3], a[4]) <= 161]
                alt = f"ALT {good[0][0]}|{good[0][1]}|{good[0][2]}" if good else "no-alt"
                out.write(f"WRONG\t{doc['id']}\t{surface}\tgold {g['lat']:.2f},{g['lon']:.2f}\t"
                          f"{p.get('name')}|{p.get('country')}|{p.get('kind')}\t{d:.0f} km\t{alt}\t"
                          f"{p.get('explanation')}\t{context}\n")
    return errors


def main():
    args = sys.argv[1:]
    build = "--no-build" not in args
    sets = SETS
    if "--sets" in args:
        sets = args[args.index("--sets") + 1].split(",")
        args.remove("--sets")
        args.remove(",".join(sets))
    misses = "--misses" in args
    eval_flags = ["--no-embedded-places"] if "--no-embedded-places" in args else []
    gold_flags = ["--no-embedded-evidence"] if "--no-embedded-evidence" in args else []
    args = [a for a in args if not a.startswith("--")]
    eval_dir = args[0] if args else os.environ.get("EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval"))
    if not os.path.isdir(eval_dir) and os.path.isdir("/work/shared/eval"):
        eval_dir = "/work/shared/eval"
    if build:
        for target in (["--example", "resolve_gold"], ["--bin", "article-atlas"]):
            subprocess.run(["cargo", "build", "--release", "--quiet", *target], cwd=ROOT, check=True)
    resolver = os.path.join(ROOT, "target", "release", "examples", "resolve_gold")
    cli = os.path.join(ROOT, "target", "release", "article-atlas")
    score = os.path.join(eval_dir, "score.py")
    out_dir = os.environ.get("RESOLUTION_OUT") or tempfile.mkdtemp(prefix="resolution-report-")
    os.makedirs(out_dir, exist_ok=True)
    print(f"predictions and errors in {out_dir}")
    for name in sets:
        gold = os.path.join(eval_dir, f"{name}.dev.jsonl")
        pred = os.path.join(out_dir, f"pred-{name}.jsonl")
        with open(pred, "w") as o:
            subprocess.run([resolver, gold, "--explain", *gold_flags], stdout=o, check=True)
        result = json.loads(subprocess.run([sys.executable, score, gold, pred, "--json", "--labels", "LOC"],
                                           capture_output=True, text=True, check=True).stdout)
        r = result["resolution"]["exact"]
        e2e_pred = os.path.join(out_dir, f"e2e-{name}.jsonl")
        with open(gold) as i, open(e2e_pred, "w") as o:
            subprocess.run([cli, "eval", *eval_flags], stdin=i, stdout=o, check=True)
        share, total = end_to_end_share(gold, e2e_pred)
        errors_path = os.path.join(out_dir, f"errors-{name}.txt")
        errors = write_errors(gold, pred, errors_path)
        print(f"{name:9} acc@161 {r['acc@161']:.3f}  mean {r['mean_km']:6.1f} km  median {r['median_km']:5.1f} km  "
              f"AUC {r['auc']:.3f}  unresolved {r['matched_without_pred_coords']:3}  "
              f"end-to-end {share:.3f} of {total}  errors: {errors_path} ({errors})")
        if misses:
            counts = classify_misses(gold, e2e_pred, os.path.join(out_dir, f"misses-{name}.txt"))
            cells = "  ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
            print(f"{'':9} misses {sum(counts.values())}: {cells}")


if __name__ == "__main__":
    main()
