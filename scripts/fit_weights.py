#!/usr/bin/env python3
"""Fits the resolver's weights (`src/analysis/places/weights.rs`) on half A, and checks them on B.

Procedure: coordinate ascent on one objective, the sum over the four geoparsing splits (gwn, lgl,
trnews, geovirus) of acc@161 (countries by shape) and end to end, measured on half A only (see
`evalkit.py`). Starting from the table in `weights.rs`, each weight in turn is tried at the
multiples in STEPS of its current value (a weight at zero is tried at ±1). The best trial replaces
the current value when it raises the objective by at least MIN_GAIN, about one more toponym
placed right in one split's half, AND raises it on at least AGREEMENT of RESAMPLES bootstrap
resamples of A's documents (fixed seeds): a gain that a few documents decide would fit A's
accidents, and the resamples show whether it is spread over many. Sweeps repeat until one
changes nothing or SWEEPS have run.

Integer weights (`big_city`) stay integers; shares and confidences (`support_share`, `sure_town`,
`within_town_confidence`, `confidence_offset`) stay between 0 and 1.

At the end it prints the figures on A and on B for the start and the fitted table, and the fields
that changed, to be copied into `Weights::DEFAULT`. Writes the fitted table as JSON to --out
(default /tmp/fitted-weights.json), which `article-atlas eval --weights FILE` reads.

No word or name is learned: only the numbers of the table move.

Usage: scripts/fit_weights.py [EVAL_DIR] [--no-build] [--sweeps N] [--min-gain X] [--only NAME,NAME] [--out FILE]
"""

import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalkit  # noqa: E402

STEPS = (0.5, 0.75, 1.25, 1.5)
RESAMPLES = 20
AGREEMENT = 0.8
MIN_GAIN = 0.004
SWEEPS = 2
UNIT_INTERVAL = {"support_share", "sure_town", "within_town_confidence", "confidence_offset"}
INTEGERS = {"big_city"}
FIGURES = ("acc@161 (shape)", "end to end")


def current_table():
    """The built-in table, as the CLI reads it back: every field with its default."""
    source = open(os.path.join(evalkit.ROOT, "src", "analysis", "places", "weights.rs")).read()
    body = source.split("pub const DEFAULT: Weights = Weights {", 1)[1].split("};", 1)[0]
    table = {}
    for line in body.splitlines():
        line = line.strip().rstrip(",")
        if ":" in line and not line.startswith("//"):
            name, value = (part.strip() for part in line.split(":", 1))
            value = value.replace("_", "")
            table[name] = int(value) if name in INTEGERS else float(value)
    return table


class Objective:
    def __init__(self, directory, halves_wanted=("A",)):
        self.score = evalkit.scorer(directory)
        self.folder = tempfile.mkdtemp(prefix="fit-weights-")
        self.sets = {}
        for name, path in evalkit.splits(directory):
            if name not in evalkit.GEO_SETS:
                continue
            gold = self.score.load_jsonl(path)
            for half, docs in evalkit.halves(gold).items():
                part = os.path.join(self.folder, f"{name}.{half}.jsonl")
                with open(part, "w") as o:
                    for doc in docs.values():
                        o.write(json.dumps(doc) + "\n")
                self.sets[(name, half)] = (part, docs)
        self.halves_wanted = halves_wanted

    def figures(self, table, half):
        path = os.path.join(self.folder, "weights.json")
        with open(path, "w") as f:
            json.dump(table, f)
        out = {}
        for (name, h), (part, docs) in self.sets.items():
            if h != half:
                continue
            raw = evalkit.run_eval(part, ["--weights", path])
            out[name] = evalkit.figures(self.score, name, docs, evalkit.parse_predictions(raw))
        return out

    def value(self, table, half="A"):
        figures = self.figures(table, half)
        return sum(figures[name][f] for name in figures for f in FIGURES)

    def values(self, table):
        """The objective on A, and on each bootstrap resample of A's documents."""
        path = os.path.join(self.folder, "weights.json")
        with open(path, "w") as f:
            json.dump(table, f)
        predictions = {}
        for (name, h), (part, docs) in self.sets.items():
            if h == "A":
                predictions[name] = evalkit.parse_predictions(evalkit.run_eval(part, ["--weights", path]))

        def objective(samples):
            total = 0.0
            for name, ids in samples.items():
                docs = {f"{k}#{doc_id}": self.sets[(name, "A")][1][doc_id] for k, doc_id in enumerate(ids)}
                preds = {f"{k}#{doc_id}": predictions[name][doc_id] for k, doc_id in enumerate(ids)
                         if doc_id in predictions[name]}
                for key, doc in docs.items():
                    doc = dict(doc, id=key)
                    docs[key] = doc
                figures = evalkit.figures(self.score, name, docs, preds)
                total += sum(figures[f] for f in FIGURES)
            return total

        whole = objective({name: list(self.sets[(name, "A")][1]) for name in predictions})
        return whole, [objective(sample) for sample in self.resamples()]

    def resamples(self):
        if not hasattr(self, "_resamples"):
            rng = random.Random(20261207)
            self._resamples = []
            for _ in range(RESAMPLES):
                sample = {}
                for (name, h), (_, docs) in sorted(self.sets.items()):
                    if h == "A":
                        ids = sorted(docs)
                        sample[name] = [rng.choice(ids) for _ in ids]
                self._resamples.append(sample)
        return self._resamples


def trials(name, value):
    if value == 0:
        candidates = [1.0, -1.0]
    else:
        candidates = [value * step for step in STEPS]
    if name in INTEGERS:
        candidates = [int(round(c)) for c in candidates]
    if name in UNIT_INTERVAL:
        candidates = [min(max(c, 0.0), 1.0) for c in candidates]
    return [c for c in dict.fromkeys(candidates) if c != value]


def main():
    args = sys.argv[1:]
    sweeps = int(evalkit.option(args, "--sweeps") or SWEEPS)
    min_gain = float(evalkit.option(args, "--min-gain") or MIN_GAIN)
    only = evalkit.option(args, "--only")
    out_path = evalkit.option(args, "--out") or "/tmp/fitted-weights.json"
    positional = [a for a in args if not a.startswith("--")]
    directory = evalkit.eval_dir(positional[0] if positional else None)
    if "--no-build" not in args:
        evalkit.build()
    objective = Objective(directory)
    start = current_table()
    table = dict(start)
    best, best_samples = objective.values(table)
    evalkit.log(f"start: objective on A {best:.4f}")
    names = [n for n in table if not only or n in only.split(",")]
    for sweep in range(1, sweeps + 1):
        changed = False
        for name in names:
            results = []
            for candidate in trials(name, table[name]):
                trial = dict(table, **{name: candidate})
                value, samples = objective.values(trial)
                agree = sum(v > b for v, b in zip(samples, best_samples)) / len(samples)
                results.append((value, agree, candidate, samples))
            accepted = [r for r in results if r[0] >= best + min_gain and r[1] >= AGREEMENT]
            for value, agree, candidate, _ in results:
                if value >= best + min_gain and agree < AGREEMENT:
                    evalkit.log(f"sweep {sweep}: {name} -> {candidate} gains {value - best:+.4f} but on {agree:.0%} of resamples only")
            if not accepted:
                continue
            value, agree, candidate, samples = max(accepted, key=lambda r: r[0])
            evalkit.log(f"sweep {sweep}: {name} {table[name]} -> {candidate}: {best:.4f} -> {value:.4f} ({agree:.0%} of resamples)")
            table[name] = candidate
            best, best_samples = value, samples
            changed = True
        if not changed:
            break
    with open(out_path, "w") as f:
        json.dump(table, f, indent=1)
    print(f"fitted table: {out_path}")
    for label, t in (("start", start), ("fitted", table)):
        for half in ("A", "B"):
            figures = objective.figures(t, half)
            cells = "  ".join(
                f"{name} " + "/".join(f"{figures[name][f]:.3f}" for f in FIGURES) for name in sorted(figures)
            )
            total = sum(figures[n][f] for n in figures for f in FIGURES)
            print(f"{label:6} {half}: sum {total:.4f}  {cells}   (acc@161 shape / end to end)")
    print("changed fields:")
    for name in table:
        if table[name] != start[name]:
            print(f"        {name}: {table[name]!r},  // was {start[name]!r}")


if __name__ == "__main__":
    main()
