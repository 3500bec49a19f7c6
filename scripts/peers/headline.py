#!/usr/bin/python3
"""The sentiment card's headline and targets tables, written from the two files that hold the figures.

Ours: ml-models/sentiment/evaluation.json (`listening evaluate --json` for the shipped model: its honest column is the
shipped procedure re-trained without the honest test rows, its random-dev column the shipped file on its own dev split).
Peers: ml-models/sentiment/peers.json (scripts/peers/run.sh). Nothing is typed in by hand, so the card cannot drift from
the files: `--card` rewrites the blocks between the card's `<!-- NAME:begin -->` / `<!-- NAME:end -->` markers (NAME =
headline, targets, neutral), `--check` fails when they differ from what the files give.

Usage: headline.py [--evaluation E] [--peers P] [--card README.md [--check]]
Without --card it prints the three tables.
"""
import argparse
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PEERS = [("logreg", "TF-IDF+LR"), ("svm", "TF-IDF+SVM"), ("fasttext", "fastText")]
TARGET_NAMES = {
    "sre16_banks_2015test": "SentiRuEval-2016 banks",
    "sre16_telecom_2015test": "SentiRuEval-2016 telecom",
    "rusentitweet_latest": "RuSentiTweet",
    "ozon_unseen_places": "map reviews",
    "rutube_official_test": "app reviews",
    "bank_reviews_other_banks": "bank reviews",
    "airline_latest": "airline tweets",
    "sst2_official_dev": "SST-2",
    "uci_amazon_products": "product reviews, unseen domain",
}


def rows(evaluation, peers):
    """One row per honest split: ours, each peer, the best peer and the random-dev gap. Refuses a split whose peer
    figures were measured on a different number of test rows than ours (then they are not the same split)."""
    out = []
    for s in evaluation["honest"]:
        p = peers["splits"].get(f'honest|{s["name"]}')
        if p is None:
            raise SystemExit(f'peers.json has no entry for honest split {s["name"]}')
        for key, _ in PEERS:
            if p[key]["n"] != s["n"]:
                raise SystemExit(f'{s["name"]}: {key} was scored on {p[key]["n"]} rows, ours on {s["n"]}')
        values = {key: p[key]["value"] for key, _ in PEERS}
        best_key = max(values, key=lambda k: values[k])
        out.append({"split": s, "peers": values, "best": best_key, "lead": round(s["value"] - values[best_key], 4)})
    return out


def headline(evaluation, peers):
    table = rows(evaluation, peers)
    names = dict(PEERS)
    lines = [
        "| split | kind | metric | n | **ours** (honest) | " + " | ".join(n for _, n in PEERS)
        + " | ours − best peer | ours, random dev | gap (random − honest) |",
        "|---|---|---|---|---|" + "---|" * len(PEERS) + "---|---|---|",
    ]
    for r in table:
        s = r["split"]
        cells = []
        for key, _ in PEERS:
            v = f'{r["peers"][key]:.4f}'
            cells.append(f"**{v}**" if key == r["best"] else v)
        lines.append(f'| {s["name"]} | {s["kind"]} | {s["metric"]} | {s["n"]} | **{s["value"]:.4f}** | ' + " | ".join(cells)
                     + f' | {r["lead"]:+.4f} | {s["randomDev"]:.4f} | {s["gap"]:+.4f} |')
    n = len(table)
    mean = lambda xs: sum(xs) / len(xs)
    lines.append(f'| **mean of {n}** (each split once) | | | | **{mean([r["split"]["value"] for r in table]):.4f}** | '
                 + " | ".join(f'{mean([r["peers"][k] for r in table]):.4f}' for k, _ in PEERS)
                 + f' | {mean([r["lead"] for r in table]):+.4f} | {mean([r["split"]["randomDev"] for r in table]):.4f} | '
                 + f'{mean([r["split"]["gap"] for r in table]):+.4f} |')
    led = [r for r in table if r["lead"] > 0]
    behind = [r for r in table if r["lead"] <= 0]
    lines.append("")
    lines.append(f"**Ahead of every peer on {len(led)} of {n} splits** ("
                 + ", ".join(f'{r["split"]["name"]} {r["lead"]:+.4f}' for r in sorted(led, key=lambda r: -r["lead"]))
                 + f"); **behind the best peer on {len(behind)}** ("
                 + ", ".join(f'{r["split"]["name"]} {r["lead"]:+.4f} ({names[r["best"]]})' for r in sorted(behind, key=lambda r: r["lead"]))
                 + "). The random dev split overstates the honest figure on "
                 + f'{sum(1 for r in table if r["split"]["gap"] > 0)} of {n} splits, by up to '
                 + f'{max(r["split"]["gap"] for r in table):.4f} ({max(table, key=lambda r: r["split"]["gap"])["split"]["name"]}).')
    return "\n".join(lines)


def targets(evaluation):
    lines = ["| target | honest split | metric | ours (honest) | minimum | met? |", "|---|---|---|---|---|---|"]
    for s in evaluation["honest"]:
        t = s.get("target")
        if not t:
            continue
        gap = s["value"] - t["minimum"]
        met = "met" if t["met"] else f"**missed by {-gap:.4f}**"
        if t["met"] != (gap >= 0):
            raise SystemExit(f'{s["name"]}: evaluation.json says met={t["met"]} but {s["value"]} vs {t["minimum"]}')
        lines.append(f'| {TARGET_NAMES.get(s["name"], s["name"])} {t["metric"]} ≥ {t["minimum"]:.2f} | {s["name"]} | {t["metric"]} | '
                     f'{s["value"]:.4f} | {t["minimum"]:.2f} | {met} |')
    return "\n".join(lines)


def neutral(evaluation, peers):
    """The issue's neutral checks per split: neutral F1, neutral rows called negative (ours and each peer), and on the
    binary sets the share of rows called neutral."""
    pct = lambda v: "—" if v is None else f"{100 * v:.2f} %"
    lines = ["| split | neutral F1 (ours) | neutral called negative: ours | " + " | ".join(n for _, n in PEERS)
             + " | binary set: rows called neutral (ours) |", "|---|---|---|" + "---|" * len(PEERS) + "---|"]
    for s in evaluation["honest"]:
        p = peers["splits"][f'honest|{s["name"]}']
        f1 = s["perClass"].get("neutral", {}).get("f1")
        lines.append(f'| {s["name"]} | {"—" if f1 is None else f"{f1:.4f}"} | {pct(s["neutralCalledNegative"])} | '
                     + " | ".join(pct(p[k]["neutralCalledNegative"]) for k, _ in PEERS) + f' | {pct(s["neutralOnBinary"])} |')
    return "\n".join(lines)


def replace_block(text, name, body):
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if text.count(begin) != 1 or text.count(end) != 1:
        raise SystemExit(f"the card needs exactly one {begin} and one {end}")
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    return f"{head}{begin}\n{body}\n{end}{tail}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--evaluation", default=os.path.join(ROOT, "ml-models", "sentiment", "evaluation.json"))
    ap.add_argument("--peers", default=os.path.join(ROOT, "ml-models", "sentiment", "peers.json"))
    ap.add_argument("--card", help="rewrite the card's generated blocks in place")
    ap.add_argument("--check", action="store_true", help="with --card: exit 1 if the card's blocks differ, write nothing")
    args = ap.parse_args()
    evaluation = json.load(open(args.evaluation, encoding="utf-8"))
    peers = json.load(open(args.peers, encoding="utf-8"))
    blocks = {"headline": headline(evaluation, peers), "targets": targets(evaluation), "neutral": neutral(evaluation, peers)}
    if not args.card:
        print("\n\n".join(blocks.values()))
        return
    text = open(args.card, encoding="utf-8").read()
    new = text
    for name, body in blocks.items():
        new = replace_block(new, name, body)
    if args.check:
        if new != text:
            print(f"{args.card}: a generated block differs from {args.evaluation} / {args.peers}; run without --check", file=sys.stderr)
            sys.exit(1)
        print(f"{args.card}: the generated blocks agree with the files")
        return
    if new != text:
        open(args.card, "w", encoding="utf-8").write(new)
    print(f"{args.card}: the generated blocks written")


if __name__ == "__main__":
    main()
