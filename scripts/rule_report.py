#!/usr/bin/env python3
"""What each rule contributes, on half A and half B of every dev split.

For every rule of `article-atlas rules`, runs `article-atlas eval --disable ID` on each dev split
and compares the figures with all rules on (see `evalkit.py` for the halves and the figures). A
rule's contribution to a figure is the figure with the rule minus the figure without it, so a
positive number means the rule helps. A split whose predictions do not change is not scored again.

Prints one block per rule: its id and pass, the sum of its contributions over all goal figures on
A and on B, and each figure it moves, per split. Ends with the rules whose summed contribution on
B is zero or negative: those are to be removed or made general. `--json FILE` also writes every
number. `--only ID,ID` measures just those rules.

Usage: scripts/rule_report.py [EVAL_DIR] [--no-build] [--only ID,ID] [--json FILE]
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalkit  # noqa: E402


def rule_table():
    out = subprocess.run([evalkit.CLI, "rules"], capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\t", 2)) for line in out.splitlines() if line]


def goal_sum(by_split, half):
    return sum(
        figures[half][figure]
        for split, figures in by_split.items()
        for figure in figures[half]
        if (split, figure) in evalkit.GOALS
    )


def main():
    args = sys.argv[1:]
    only = evalkit.option(args, "--only")
    json_path = evalkit.option(args, "--json")
    positional = [a for a in args if not a.startswith("--")]
    directory = evalkit.eval_dir(positional[0] if positional else None)
    if "--no-build" not in args:
        evalkit.build()
    score = evalkit.scorer(directory)
    sets = evalkit.splits(directory)
    gold = {name: score.load_jsonl(path) for name, path in sets}
    base_raw = {name: evalkit.run_eval(path) for name, path in sets}
    base = {
        name: evalkit.figures_by_half(score, name, gold[name], evalkit.parse_predictions(base_raw[name]))
        for name, _ in sets
    }
    rules = rule_table()
    if only:
        wanted = set(only.split(","))
        rules = [r for r in rules if r[0] in wanted]
    report = {}
    for number, (rule, pass_name, doc) in enumerate(rules, 1):
        evalkit.log(f"[{number}/{len(rules)}] {rule}")
        deltas = {}
        for name, path in sets:
            raw = evalkit.run_eval(path, ["--disable", rule])
            if raw == base_raw[name]:
                continue
            ablated = evalkit.figures_by_half(score, name, gold[name], evalkit.parse_predictions(raw))
            moved = {
                half: {f: base[name][half][f] - ablated[half][f] for f in base[name][half]}
                for half in ("A", "B", "all")
            }
            if any(abs(v) > 1e-12 for half in moved.values() for v in half.values()):
                deltas[name] = moved
        report[rule] = {
            "pass": pass_name,
            "doc": doc,
            "A": goal_sum(deltas, "A"),
            "B": goal_sum(deltas, "B"),
            "figures": deltas,
        }
    for rule, entry in report.items():
        print(f"{rule} ({entry['pass']}): sum over goal figures  A {entry['A']:+.4f}  B {entry['B']:+.4f}")
        for split, moved in sorted(entry["figures"].items()):
            for figure in moved["A"]:
                a, b = moved["A"][figure], moved["B"][figure]
                if abs(a) > 1e-12 or abs(b) > 1e-12:
                    print(f"    {split:10} {figure:16} A {a:+.4f}  B {b:+.4f}")
    idle = [r for r, e in report.items() if not e["figures"]]
    harmful = [r for r, e in report.items() if e["figures"] and e["B"] <= 0]
    print(f"\n{len(report)} rules measured")
    print(f"{len(idle)} change no dev figure at all (kept only for what their spec cases show): {', '.join(idle)}")
    print(f"{len(harmful)} move figures but add nothing on B: {', '.join(harmful)}")
    if json_path:
        with open(json_path, "w") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
