"""Shared pieces of the evaluation scripts: the dev splits, their halves A and B, and the figures.

Halves. Within each split, the distinct keys are ordered by
    sha256(("article-atlas-half:" + key).encode()).hexdigest()
and dealt out in turn: the first to A, the second to B, the third to A, and so on. The key is
the one the corpora's own dev/holdout split uses: the document id, or for GeoVirus the source URL,
so that excerpts of one article stay in one half. Dealing in hash order, rather than taking the
hash's parity, keeps the halves the same size: GUM's eight documents would otherwise all fall in
one half. The salt keeps the order independent of the dev/holdout split's own hash. Rules are written while looking at A's errors only; B is only
ever seen as a score.

Figures. For each split, the figures the accuracy goals name (score.py's exact-match figures,
and for toponyms "countries by shape"):
  * worldwide: micro F1 and the F1 of PERSON, LOC, ORG, NORP, DATE;
  * gum_news: micro F1;
  * gwn, lgl, trnews, geovirus: toponym F1, acc@161 on exactly matched toponyms (countries by
    shape), and end to end: the share of all gold toponyms with coordinates that are found and
    placed within 161 km (countries by shape; found by score.py's lenient matching).
"""

import hashlib
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("ARTICLE_ATLAS_CLI") or os.path.join(ROOT, "target", "release", "article-atlas")
GEO_SETS = ("gwn", "lgl", "trnews", "geovirus")
HALF_SALT = "article-atlas-half:"


# The accuracy issue's goals on articles never seen; half B stands in for them.
GOALS = {
    ("worldwide", "micro F1"): 0.85,
    ("worldwide", "PERSON"): 0.90,
    ("worldwide", "LOC"): 0.88,
    ("worldwide", "ORG"): 0.72,
    ("worldwide", "NORP"): 0.90,
    ("worldwide", "DATE"): 0.88,
    ("gum_news", "micro F1"): 0.75,
    ("gwn", "toponym F1"): 0.88,
    ("lgl", "toponym F1"): 0.85,
    ("trnews", "toponym F1"): 0.90,
    ("geovirus", "toponym F1"): 0.93,
    ("gwn", "acc@161 (shape)"): 0.95,
    ("lgl", "acc@161 (shape)"): 0.92,
    ("trnews", "acc@161 (shape)"): 0.93,
    ("geovirus", "acc@161 (shape)"): 0.95,
    ("gwn", "end to end"): 0.82,
    ("lgl", "end to end"): 0.80,
    ("trnews", "end to end"): 0.85,
    ("geovirus", "end to end"): 0.88,
}
# The largest |A - B| the issue accepts on any figure.
CARRY_OVER = 0.02


def eval_dir(explicit=None):
    path = explicit or os.environ.get("EVAL_DIR") or os.path.join(ROOT, "..", "shared", "eval")
    if not os.path.isdir(path) and os.path.isdir("/work/shared/eval"):
        path = "/work/shared/eval"
    return path


def scorer(directory):
    """score.py, imported as a module so that scoring many runs costs no process start."""
    spec = importlib.util.spec_from_file_location("score", os.path.join(directory, "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_key(doc):
    if doc.get("source") == "GeoVirus" and doc.get("url"):
        return doc["url"]
    return doc["id"]


def half_order(key):
    return hashlib.sha256((HALF_SALT + key).encode("utf-8")).hexdigest()


def splits(directory):
    """(name, path) of every dev split, sorted."""
    names = sorted(f[: -len(".dev.jsonl")] for f in os.listdir(directory) if f.endswith(".dev.jsonl"))
    return [(n, os.path.join(directory, n + ".dev.jsonl")) for n in names]


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "article-atlas"], cwd=ROOT, check=True)


def run_eval(gold_path, flags=()):
    """The CLI's predictions for one split, as raw JSONL bytes."""
    with open(gold_path, "rb") as i:
        return subprocess.run([CLI, "eval", *flags], stdin=i, capture_output=True, check=True).stdout


def parse_predictions(raw):
    docs = {}
    for line in raw.decode("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            docs[d["id"]] = d
    return docs


def figures(score_module, name, gold_docs, pred_docs, labels=None):
    """The named figures of one split (or one half of it), as {figure: value}."""
    result = score_module.score(gold_docs, pred_docs, labels)
    exact = result["exact"]
    out = {}
    if name in GEO_SETS:
        loc = exact["per_label"].get("LOC", {})
        out["toponym F1"] = loc.get("f1", 0.0)
        resolution = result.get("resolution", {})
        out["acc@161 (shape)"] = resolution.get("exact", {}).get("acc@161_countries_by_shape") or 0.0
        gold = resolution.get("gold_toponyms_with_coords", 0)
        lenient = resolution.get("lenient", {})
        placed = (lenient.get("acc@161_countries_by_shape") or 0.0) * (
            lenient.get("evaluated", 0) + lenient.get("matched_without_pred_coords", 0)
        )
        out["end to end"] = placed / gold if gold else 0.0
    else:
        out["micro F1"] = exact["micro"].get("f1", 0.0)
        if name == "worldwide":
            for label in ("PERSON", "LOC", "ORG", "NORP", "DATE"):
                out[label] = exact["per_label"].get(label, {}).get("f1", 0.0)
    return out


def halves(gold_docs):
    """{"A": docs, "B": docs} of one split."""
    keys = sorted({half_key(doc) for doc in gold_docs.values()}, key=half_order)
    half_of_key = {key: "AB"[rank % 2] for rank, key in enumerate(keys)}
    parts = {"A": {}, "B": {}}
    for doc_id, doc in gold_docs.items():
        parts[half_of_key[half_key(doc)]][doc_id] = doc
    return parts


def figures_by_half(score_module, name, gold_docs, pred_docs):
    """{"A": figures, "B": figures, "all": figures}."""
    out = {half: figures(score_module, name, docs, pred_docs) for half, docs in halves(gold_docs).items()}
    out["all"] = figures(score_module, name, gold_docs, pred_docs)
    return out


def option(args, name):
    """Takes `name VALUE` out of a list of command-line arguments, and returns the value."""
    if name not in args:
        return None
    value = args[args.index(name) + 1]
    args.remove(name)
    args.remove(value)
    return value


def log(message):
    print(message, file=sys.stderr, flush=True)
