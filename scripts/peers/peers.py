#!/usr/bin/python3
"""Peer models on exactly our splits: scikit-learn TF-IDF + logistic regression / linear SVM and fastText.

Reads the folder written by `listening evaluate --export DIR` (splits.json; per holdout and language the
training rows with our balancing weights; per split the test rows), trains each peer per holdout and
language on the same rows (sklearn with the same sample weights; fastText has no weights and gets the
rows unweighted), scores every split and writes DIR/peers.json. With --ours evaluation.json it prints the
side-by-side table (ours vs peers, per honest split and random dev split). Deterministic: fixed seeds,
one thread.

Usage: peers.py SPLITS_DIR [--ours evaluation.json] [--only honest,random] [--out table.md]
"""
import argparse
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

LABELS = ["negative", "neutral", "positive"]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    return rows


def metrics(gold, pred):
    classes = [c for c in LABELS if c in set(gold)]
    conf = {a: {p: 0 for p in LABELS} for a in LABELS}
    for g, p in zip(gold, pred):
        conf[g][p] += 1
    def f1(c):
        tp = conf[c][c]
        predicted = sum(conf[a][c] for a in LABELS)
        actual = sum(conf[c].values())
        prec = tp / predicted if predicted else 0.0
        rec = tp / actual if actual else 0.0
        return 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    n = len(gold)
    acc = sum(conf[c][c] for c in LABELS) / n if n else 0.0
    neutral_rows = sum(conf["neutral"].values())
    return {
        "n": n,
        "accuracy": round(acc, 4),
        "macroF1": round(sum(f1(c) for c in classes) / len(classes), 4) if classes else 0.0,
        "f1pn": round((f1("positive") + f1("negative")) / 2, 4),
        "f1": {c: round(f1(c), 4) for c in classes},
        "neutralCalledNegative": round(conf["neutral"]["negative"] / neutral_rows, 4) if neutral_rows else None,
        "neutralOnBinary": None if "neutral" in classes or not n else round(sum(conf[a]["neutral"] for a in LABELS) / n, 4),
    }


def value(m, metric):
    return {"F1_pn": m["f1pn"], "accuracy": m["accuracy"]}.get(metric, m["macroF1"])


def ft_clean(text):
    text = text.lower().replace("ё", "е")
    text = re.sub(r"https?://\S+", " _url_ ", text)
    text = re.sub(r"@\w+", " _user_ ", text)
    text = re.sub(r"([!?.,;:()\"«»])", r" \1 ", text)
    return " ".join(text.split())


class Sklearn:
    """TF-IDF (word 1-2-grams + in-word char 2-4-grams, sublinear tf) + a linear classifier."""

    def __init__(self, kind):
        self.kind = kind

    def fit(self, texts, labels, weights):
        self.word = TfidfVectorizer(lowercase=True, ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=400_000, dtype=np.float32)
        self.char = TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True, max_features=400_000, dtype=np.float32)
        x = hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()
        if self.kind == "logreg":
            self.model = LogisticRegression(C=4.0, max_iter=300, solver="saga", random_state=1)
        else:
            self.model = LinearSVC(C=0.3, random_state=1)
        self.model.fit(x, labels, sample_weight=weights)
        return self

    def predict(self, texts):
        x = hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()
        return list(self.model.predict(x))

    def size(self):
        return len(pickle.dumps((self.word, self.char, self.model), protocol=4))


class FastText:
    """fastText supervised (Debian `fasttext`): word bigrams, char 2-4-grams, one thread (deterministic)."""

    ARGS = ["-epoch", "10", "-lr", "0.5", "-wordNgrams", "2", "-minn", "2", "-maxn", "4", "-dim", "50", "-bucket", "500000", "-thread", "1", "-seed", "1", "-verbose", "0"]

    def __init__(self, work):
        self.work = work

    def fit(self, texts, labels, weights):
        train = os.path.join(self.work, "ft_train.txt")
        with open(train, "w", encoding="utf-8") as f:
            for t, l in zip(texts, labels):
                f.write(f"__label__{l} {ft_clean(t)}\n")
        self.prefix = os.path.join(self.work, "ft_model")
        subprocess.run(["fasttext", "supervised", "-input", train, "-output", self.prefix] + self.ARGS, check=True)
        return self

    def predict(self, texts):
        test = os.path.join(self.work, "ft_test.txt")
        with open(test, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(ft_clean(t) + "\n")
        out = subprocess.run(["fasttext", "predict", self.prefix + ".bin", test], check=True, capture_output=True, text=True).stdout
        return [line.strip().replace("__label__", "") or "neutral" for line in out.splitlines()]

    def size(self):
        return os.path.getsize(self.prefix + ".bin")


def cpu_rate(model, texts):
    """Predictions per CPU-second (this process and its children), one thread."""
    before = os.times()
    model.predict(texts)
    after = os.times()
    cpu = (after.user - before.user) + (after.system - before.system) + (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return len(texts) / cpu if cpu > 0 else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("splits")
    ap.add_argument("--ours", help="our evaluation.json (listening evaluate --json) for the side-by-side table")
    ap.add_argument("--only", default="honest,random", help="holdouts to run: honest,random and/or leave-out (all leave-one-dataset-out holdouts)")
    ap.add_argument("--peers", default="logreg,svm,fasttext")
    ap.add_argument("--out", help="write the markdown table here too")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    splits = json.load(open(os.path.join(args.splits, "splits.json")))["splits"]
    wanted = args.only.split(",")
    splits = [s for s in splits if s["holdout"] in wanted or ("leave-out" in wanted and s["holdout"].startswith("leave-out:"))]
    results_path = os.path.join(args.splits, "peers.json")
    results = json.load(open(results_path)) if os.path.exists(results_path) else {"splits": {}, "speed": {}, "size": {}, "trainSeconds": {}}
    peers = args.peers.split(",")
    by_train = {}
    for s in splits:
        by_train.setdefault(s["train"], []).append(s)
    bench_texts = None
    with tempfile.TemporaryDirectory() as work:
        for train_file, group in sorted(by_train.items()):
            rows = read_tsv(os.path.join(args.splits, train_file))
            texts = [r["text"] for r in rows]
            labels = [r["label"] for r in rows]
            weights = np.array([float(r["weight"]) for r in rows])
            tests = {s["name"]: read_tsv(os.path.join(args.splits, s["test"])) for s in group}
            for peer in peers:
                model = Sklearn(peer) if peer in ("logreg", "svm") else FastText(work)
                start = time.process_time()
                t0 = time.time()
                model.fit(texts, labels, weights)
                took = time.time() - t0
                print(f"{train_file} {peer}: trained on {len(rows)} rows in {took:.0f} s", file=sys.stderr, flush=True)
                results["trainSeconds"][f"{train_file}|{peer}"] = round(took, 1)
                for s in group:
                    test = tests[s["name"]]
                    pred = model.predict([r["text"] for r in test])
                    m = metrics([r["label"] for r in test], pred)
                    m["value"] = value(m, s["metric"])
                    key = f'{s["holdout"]}|{s["name"]}'
                    results["splits"].setdefault(key, {})[peer] = m
                if s["holdout"] == "honest" and train_file.endswith("train_ru.tsv"):
                    bench = [t[:200] for t in texts[:4000] if len(t) >= 200][:2000]
                    results["speed"][peer] = round(cpu_rate(model, bench), 0) if bench else None
                    results["size"][peer] = model.size()
            json.dump(results, open(results_path, "w"), indent=1, ensure_ascii=False)
    print(f"wrote {results_path}", file=sys.stderr)
    table = render(results, json.load(open(args.ours)) if args.ours else None, peers, splits)
    print(table)
    if args.out:
        open(args.out, "w").write(table + "\n")


def render(results, ours, peers, splits):
    ours_honest = {s["name"]: s for s in (ours or {}).get("honest", [])}
    ours_random = {d["name"]: d for d in (ours or {}).get("randomDev", [])}
    names = {"logreg": "TF-IDF+LR", "svm": "TF-IDF+SVM", "fasttext": "fastText"}
    lines = ["| split | kind | metric | n | **ours** | " + " | ".join(names[p] for p in peers) + " | ours − best peer | ours, random dev | gap (random − honest) |",
             "|---|---|---|---|---|" + "---|" * len(peers) + "---|---|---|"]
    for s in splits:
        if s["holdout"] == "random":
            continue
        r = results["splits"].get(f'{s["holdout"]}|{s["name"]}', {})
        o = ours_honest.get(s["name"])
        ov = o["value"] if o else None
        pv = [r[p]["value"] if p in r else None for p in peers]
        best = max([v for v in pv if v is not None], default=None)
        delta = f"{ov - best:+.3f}" if ov is not None and best is not None else "—"
        rd = o.get("randomDev") if o else None
        gap = o.get("gap") if o else None
        n = o["n"] if o else next((r[p]["n"] for p in peers if p in r), "")
        lines.append(f'| {s["name"]} | {s["kind"]} | {s["metric"]} | {n} | **{fmt(ov)}** | ' + " | ".join(fmt(v) for v in pv)
                     + f" | {delta} | {fmt(rd)} | {fmt(gap, True)} |")
    rnd = [s for s in splits if s["holdout"] == "random"]
    if rnd:
        lines += ["", "Random dev split (secondary; macro-F1):", "", "| dataset | ours | " + " | ".join(names[p] for p in peers) + " |", "|---|---|" + "---|" * len(peers)]
        for s in rnd:
            r = results["splits"].get(f'random|{s["name"]}', {})
            o = ours_random.get(s["name"])
            lines.append(f'| {s["name"]} | {fmt(o["macroF1"] if o else None)} | ' + " | ".join(fmt(r[p]["macroF1"] if p in r else None) for p in peers) + " |")
    lines += ["", "Speed (predictions per CPU-second, one thread, 200-character Russian training texts) and size:", ""]
    for p in peers:
        sp = results["speed"].get(p)
        sz = results["size"].get(p)
        lines.append(f"- {names[p]}: {sp:,.0f}/s, {sz / 1048576:.1f} MB" if sp and sz else f"- {names[p]}: not measured")
    return "\n".join(lines)


def fmt(v, signed=False):
    if v is None:
        return "—"
    return f"{v:+.3f}" if signed else f"{v:.3f}"


if __name__ == "__main__":
    main()
