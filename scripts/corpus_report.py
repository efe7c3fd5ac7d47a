#!/usr/bin/env python3
"""Runs `article-atlas analyze` over the dev splits in ../shared/eval and prints structure figures.

The corpora carry no structure gold, so these are error indicators to compare between versions,
not scores: how often a part was found, how many quotations lack a speaker or have a pronoun or
verb-like one, and how many sentences end in an abbreviation followed by a capital (likely wrong
splits). Usage: scripts/corpus_report.py [BINARY] [EVAL_DIR]
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

BINARY = sys.argv[1] if len(sys.argv) > 1 else "target/release/article-atlas"
EVAL_DIR = sys.argv[2] if len(sys.argv) > 2 else "../shared/eval"
PRONOUNS = {"he", "she", "they", "i", "we"}
VERB_LIKE = re.compile(r"\b(was|were|is|had|would|will)\b", re.I)
ABBREVIATION_END = re.compile(
    r"(?:^|[\s(“\"])((?:[A-Za-z]{1,2}\.){2,}|[A-Z]\.|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Gov\.|Sen\.|Rep\.|Gen\.|"
    r"Lt\.|Col\.|Capt\.|Sgt\.|Prof\.|No\.|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|"
    r"Jr\.|Sr\.|Inc\.|Corp\.|Co\.|Ltd\.|Ave\.|Rd\.|Mt\.|vs?\.)$"
)


def analyse(text):
    done = subprocess.run([BINARY, "analyze", "-"], input=text.encode(), capture_output=True, timeout=120)
    return json.loads(done.stdout) if done.returncode == 0 else None


def main():
    documents = []
    for path in sorted(glob.glob(os.path.join(EVAL_DIR, "*.dev.jsonl"))):
        corpus = os.path.basename(path).split(".")[0]
        with open(path, encoding="utf-8") as lines:
            documents += [(corpus, json.loads(line)["text"]) for line in lines]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda d: (d[0], analyse(d[1])), documents))

    parts = collections.Counter()
    totals = collections.Counter()
    for corpus, a in results:
        parts[corpus, "documents"] += 1
        if a is None:
            totals["failed runs"] += 1
            continue
        for part in ("title", "byline", "dateline"):
            parts[corpus, part] += a[part] is not None
        parts[corpus, "header"] += bool(a["header"])
        parts[corpus, "paragraphs"] += len(a["paragraphs"])
        text = a["text"].encode()
        for q in a["quotations"]:
            totals["quotations"] += 1
            speaker = q["speaker"]
            totals["quotations over 100 words"] += len(q["text"].split()) > 100
            if speaker is None:
                totals["quotations without a speaker"] += 1
            else:
                totals["speaker only a pronoun"] += speaker.lower() in PRONOUNS
                totals["speaker with a verb in it"] += bool(VERB_LIKE.search(speaker))
        for p in a["paragraphs"]:
            sentences = [text[s["start"]:s["end"]].decode() for s in p["sentences"]]
            totals["sentences"] += len(sentences)
            for here, after in zip(sentences, sentences[1:]):
                ends = ABBREVIATION_END.search(here.rstrip("”\"’)"))
                totals["sentence ends in an abbreviation before a capital"] += bool(ends and after[:1].isupper())
        totals["citations"] += len(a["citations"])

    corpora = sorted({c for c, _ in parts})
    columns = ["documents", "header", "title", "byline", "dateline", "paragraphs"]
    print(f"{'corpus':<12}" + "".join(f"{c:>12}" for c in columns))
    for corpus in corpora:
        print(f"{corpus:<12}" + "".join(f"{parts[corpus, c]:>12}" for c in columns))
    print()
    for key in sorted(totals):
        print(f"{key:<52}{totals[key]:>8}")


if __name__ == "__main__":
    main()
