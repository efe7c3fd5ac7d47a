#!/usr/bin/env python3
"""Entity recognition figures on the evaluation dev splits and the sample's gold.

Builds the release CLI, runs `article-atlas eval` on every `*.dev.jsonl` in the evaluation
folder (default ../shared/eval relative to the repository, or EVAL_DIR, or the first argument)
and prints score.py's exact-match figures per set, plus the sample's gold with MISC.
`--errors SET` writes false positives and negatives by label to /tmp/ner-errors-SET.txt;
`--label LABEL` keeps only that label's errors there. Predictions go to a fresh temporary
folder (or EVAL_OUT), so reports run side by side do not overwrite each other's files.

`ARTICLE_ATLAS_CLI` names another build of the CLI to run (with `--no-build`), in both modes, so
that two builds can be compared.

`--no-embedded-places` passes that flag to `article-atlas eval` (no toponyms inside
organisations' names).

`--halves` prints every figure the accuracy goals name on half A and half B of each split (see
`evalkit.py` for how documents are dealt into halves), with A - B and the whole split, and marks
B's figures that miss their goal or differ from A by more than .02. `--errors` then lists the
errors of half A only: rules are written while looking at A, and B is only ever a score.
`--weights FILE` and `--disable ID,ID` are passed to `article-atlas eval`.

Usage: scripts/eval_report.py [EVAL_DIR] [--no-build] [--errors worldwide [--label PERSON]] [--no-embedded-places]
       scripts/eval_report.py --halves [--no-build] [--errors SET [--label L]] [--weights FILE] [--disable IDS]
"""

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    args = [a for a in sys.argv[1:]]
    if "--halves" in args:
        return report_halves(args)
    build = "--no-build" not in args
    eval_flags = ["--no-embedded-places"] if "--no-embedded-places" in args else []
    errors = None
    if "--errors" in args:
        errors = args[args.index("--errors") + 1]
        args.remove("--errors")
        args.remove(errors)
    only = None
    if "--label" in args:
        only = args[args.index("--label") + 1]
        args.remove("--label")
        args.remove(only)
    args = [a for a in args if not a.startswith("--")]
    eval_dir = args[0] if args else os.environ.get("EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval"))
    if not os.path.isdir(eval_dir) and os.path.isdir("/work/shared/eval"):
        eval_dir = "/work/shared/eval"
    if build:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "article-atlas"], cwd=ROOT, check=True)
    cli = os.environ.get("ARTICLE_ATLAS_CLI") or os.path.join(ROOT, "target", "release", "article-atlas")
    score = os.path.join(eval_dir, "score.py")
    sets = sorted(f for f in os.listdir(eval_dir) if f.endswith(".dev.jsonl"))
    sample = os.path.join(eval_dir, "..", "samples", "monitor-7-55.gold.jsonl")
    runs = [(f[: -len(".dev.jsonl")], os.path.join(eval_dir, f), None) for f in sets]
    if os.path.exists(sample):
        runs.append(("sample", sample, "PERSON,LOC,ORG,DATE,NORP,MISC"))
    out_dir = os.environ.get("EVAL_OUT") or tempfile.mkdtemp(prefix="eval-report-")
    os.makedirs(out_dir, exist_ok=True)
    print(f"predictions in {out_dir}")
    for name, gold, labels in runs:
        pred = os.path.join(out_dir, f"{name}.jsonl")
        started = time.time()
        with open(gold) as i, open(pred, "w") as o:
            subprocess.run([cli, "eval", *eval_flags], stdin=i, stdout=o, check=True)
        seconds = time.time() - started
        command = [sys.executable, score, gold, pred, "--json"]
        if labels:
            command += ["--labels", labels]
        result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        exact = result.get("exact", result)
        micro = exact.get("micro", {})
        per = exact.get("per_label", exact.get("labels", {}))
        cells = " ".join(f"{k} {v.get('f1', 0):.3f}" for k, v in sorted(per.items()))
        print(f"{name:10} micro F1 {micro.get('f1', 0):.3f} (P {micro.get('precision', 0):.3f} R {micro.get('recall', 0):.3f})  {cells}  [{seconds:.2f}s]")
        if errors == name:
            write_errors(gold, pred, name, only)


def report_halves(args):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import evalkit
    from evalkit import option

    errors = option(args, "--errors")
    only = option(args, "--label")
    flags = []
    for name in ("--weights", "--disable"):
        value = option(args, name)
        if value:
            flags += [name, value]
    if "--no-embedded-places" in args:
        flags.append("--no-embedded-places")
    positional = [a for a in args if not a.startswith("--")]
    directory = evalkit.eval_dir(positional[0] if positional else None)
    if "--no-build" not in args:
        evalkit.build()
    score = evalkit.scorer(directory)
    out_dir = os.environ.get("EVAL_OUT") or tempfile.mkdtemp(prefix="eval-halves-")
    print(f"predictions in {out_dir}")
    print(f"{'split':10} {'figure':16} {'A':>6} {'B':>6} {'A-B':>7} {'all':>6} {'goal':>5}")
    misses = 0
    for name, path in evalkit.splits(directory):
        gold = score.load_jsonl(path)
        raw = evalkit.run_eval(path, flags)
        pred_path = os.path.join(out_dir, f"{name}.jsonl")
        with open(pred_path, "wb") as o:
            o.write(raw)
        by_half = evalkit.figures_by_half(score, name, gold, evalkit.parse_predictions(raw))
        for figure, whole in by_half["all"].items():
            a, b = by_half["A"][figure], by_half["B"][figure]
            goal = evalkit.GOALS.get((name, figure))
            flag = ""
            if goal is not None and b < goal:
                flag += " below goal"
            if abs(a - b) > evalkit.CARRY_OVER:
                flag += " |A-B|>.02"
            misses += bool(flag)
            goal_text = f"{goal:.2f}" if goal is not None else ""
            print(f"{name:10} {figure:16} {a:6.3f} {b:6.3f} {a - b:+7.3f} {whole:6.3f} {goal_text:>5}{flag}")
        if errors == name:
            half_a = os.path.join(out_dir, f"{name}.A.gold.jsonl")
            with open(half_a, "w") as o:
                for doc in evalkit.halves(gold)["A"].values():
                    o.write(json.dumps(doc) + "\n")
            write_errors(half_a, pred_path, name, only)
    print(f"{misses} figures miss their goal on B or carry over by more than .02")


def write_errors(gold_path, pred_path, name, only=None):
    preds = {}
    for line in open(pred_path):
        d = json.loads(line)
        preds[d["id"]] = d["entities"]
    out = open(f"/tmp/ner-errors-{name}.txt", "w")
    for line in open(gold_path):
        d = json.loads(line)
        text = d["text"]
        labels = set(d.get("annotated_labels", []))
        if only:
            labels &= {only}
        gold = {
            (e["start"], e["end"], e["label"])
            for e in d["entities"]
            if not e.get("optional") and (not only or e["label"] == only)
        }
        optional = {(e["start"], e["end"], e["label"]) for e in d["entities"] if e.get("optional")}
        pred = {(e["start"], e["end"], e["label"]) for e in preds.get(d["id"], []) if e["label"] in labels}
        for s, e, l in sorted(gold - pred):
            out.write(f"FN\t{l}\t{text[s:e]}\t{text[max(0, s - 40):s]}[[{text[s:e]}]]{text[e:e + 40]}\n".replace("\n", " ") + "\n")
        for s, e, l in sorted(pred - gold - optional):
            out.write(f"FP\t{l}\t{text[s:e]}\t{text[max(0, s - 40):s]}[[{text[s:e]}]]{text[e:e + 40]}\n".replace("\n", " ") + "\n")
    print(f"errors: /tmp/ner-errors-{name}.txt")


if __name__ == "__main__":
    main()
