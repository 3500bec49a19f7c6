#!/usr/bin/env python3
"""Write the factors card's headline tables from measured files, so that refreshing them is one command.

    JSON=DIR scripts/stories.sh                       # every labelled set, rules alone: DIR/<story>.json
    python3 scripts/factors-headline.py --card ml-models/factors/README.md --stories DIR
    python3 scripts/factors-headline.py --card ml-models/factors/README.md --stories DIR --check   # fail if stale

Three blocks of the card are replaced, each between its marker comments:
  targets   issue 11's targets: the dev figures computed from DIR (rules alone), beside the figures no story file holds
            (leave one story out, the last blind pair at its look, public data, speed), read from
            ml-models/factors/headline.json — edit that file when one of those is measured again;
  stories   one row per labelled set (`evaluate-story --json`);
  perfactor the per-factor counts summed over every set (item-level tp / fp / fn, as /perfactor-style sums did by hand).
Nothing is typed into the card by hand between the markers. Standard library only.
"""
import argparse
import glob
import json
import os
import re
import sys

F1_TARGET = 0.85
PRECISION_FLOOR = 0.75
POLARITY_TARGET = 0.85
ORDER = ["price", "quality", "delivery", "staff", "waiting_time", "support", "website_app", "payment", "assortment",
         "cleanliness_atmosphere", "location_parking", "returns", "loyalty"]


def load(directory):
    sets = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, encoding="utf-8") as f:
            sets[os.path.splitext(os.path.basename(path))[0]] = json.load(f)
    if not sets:
        sys.exit(f"no evaluate-story --json files in {directory}")
    # the demo first, then the stories by name, as scripts/stories.sh runs them
    return dict(sorted(sets.items(), key=lambda kv: (kv[0] != "demo", kv[0])))


def load_loso(path):
    """The text `listening evaluate-factors-loso` prints: per set rules vs hybrid, the pooled factors, the means."""
    sets, factors, better = {}, {}, None
    row = re.compile(r"^(\S+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([+-][\d.]+)\s+([\d.]+|NaN)\s+([\d.]+|NaN)\s+(\d+)/(\d+)\s+(\d+)/(\d+)\s")
    factor = re.compile(r"^\s+([a-z_]+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if m := row.match(line):
                if m.group(1) in ("set", "mean/total"):
                    continue
                sets[m.group(1)] = {"rulesF1": float(m.group(3)), "f1": float(m.group(4)), "rulesPolarity": float(m.group(6)),
                                    "polarity": float(m.group(7)), "rulesMatrix": (int(m.group(8)), int(m.group(9))),
                                    "matrix": (int(m.group(10)), int(m.group(11)))}
            elif m := factor.match(line):
                factors[m.group(1)] = {"labelled": int(m.group(2)), "rulesP": float(m.group(3)), "P": float(m.group(6)),
                                       "R": float(m.group(7)), "rulesR": float(m.group(4))}
            elif m := re.match(r"^hybrid better on (\d+) of (\d+) sets, worse on (\d+)", line):
                better = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if not sets:
        sys.exit(f"no evaluate-factors-loso table in {path}")
    n = len(sets)
    low = min(factors.items(), key=lambda kv: kv[1]["P"])
    return {
        "when": f"{n} sets, `--loso` file", "sets": sets, "factors": factors, "better": better,
        "rulesF1": sum(v["rulesF1"] for v in sets.values()) / n, "meanF1": sum(v["f1"] for v in sets.values()) / n,
        "meanPolarity": sum(v["polarity"] for v in sets.values()) / n,
        "matrix": [sum(v["matrix"][0] for v in sets.values()), sum(v["matrix"][1] for v in sets.values())],
        "lowestPrecision": {"factor": low[0], "value": low[1]["P"]},
    }


def f3(v):
    return "—" if v is None else f"{v:.3f}"


def pooled(sets):
    sums = {}
    for d in sets.values():
        for factor, v in d["detection"]["perFactor"].items():
            s = sums.setdefault(factor, {"tp": 0, "fp": 0, "fn": 0, "pol_right": 0.0, "pol_n": 0})
            s["tp"] += v["tp"]; s["fp"] += v["fp"]; s["fn"] += v["fn"]
            if v.get("polarityAccuracy") is not None and v.get("polarityN"):
                s["pol_right"] += v["polarityAccuracy"] * v["polarityN"]; s["pol_n"] += v["polarityN"]
    rows = []
    for factor in sorted(sums, key=lambda f: (ORDER.index(f) if f in ORDER else len(ORDER), f)):
        s = sums[factor]
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else None
        r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else None
        f1 = 2 * p * r / (p + r) if p and r else None
        pol = s["pol_right"] / s["pol_n"] if s["pol_n"] else None
        rows.append((factor, s, p, r, f1, pol))
    return rows


def summary(sets):
    f1 = [d["detection"]["microF1"] for d in sets.values()]
    pol = [d["polarity"]["accuracy"] for d in sets.values() if d["polarity"]["accuracy"] is not None]
    doc = [d["sentiment"]["macroF1"] for d in sets.values() if d["sentiment"]["macroF1"] is not None]
    agree = sum(d["matrix"]["agreeing"] for d in sets.values())
    factors = sum(d["matrix"]["factors"] for d in sets.values())
    whole = sum(1 for d in sets.values() if d["matrix"]["agreeing"] == d["matrix"]["factors"])
    return {
        "n": len(sets), "meanF1": sum(f1) / len(f1), "minF1": min(f1), "atF1": sum(1 for v in f1 if v >= F1_TARGET),
        "meanPolarity": sum(pol) / len(pol), "minPolarity": min(pol), "atPolarity": sum(1 for v in pol if v >= POLARITY_TARGET),
        "meanDoc": sum(doc) / len(doc), "agree": agree, "factors": factors, "whole": whole,
    }


def loso_cells(loso, name):
    if not loso:
        return ""
    v = loso["sets"].get(name)
    if v is None:
        return " — | — |"
    d = v["f1"] - v["rulesF1"]
    return f" {v['f1']:.3f} ({d:+.3f}) | {v['matrix'][0]} of {v['matrix'][1]} |"


def quadrant(side):
    """A matrix row's quadrant as the report shows it: `a/b` when borderline (likely a, possibly b)."""
    q = side.get("quadrant") or "insufficient"
    return f"{q}/{side['alternative']}" if side.get("alternative") else q


def stories_block(sets, loso=None):
    extra = " F1 with the detector (LOSO) | matrix with it (LOSO) |" if loso else ""
    out = ["| set | items | P | R | **F1** | polarity (n) | doc macro-F1 | matrix (brand) | factors off the labelled quadrant (pipeline vs labels) |" + extra,
           "|---|---|---|---|---|---|---|---|---|" + ("---|---|" if loso else "")]
    for name, d in sets.items():
        det, m = d["detection"], d["matrix"]
        off = [f"{r['factor']} ({quadrant(r['pipeline'])} vs {quadrant(r['labelled'])})" for r in m["rows"] if not r["agrees"]]
        f1 = f"**{det['microF1']:.3f}**" if det["microF1"] >= F1_TARGET else f"{det['microF1']:.3f}"
        out.append(f"| {name} | {d['items']} | {f3(det['precision'])} | {f3(det['recall'])} | {f1} | "
                   f"{f3(d['polarity']['accuracy'])} ({d['polarity']['n']}) | {f3(d['sentiment']['macroF1'])} | "
                   f"{m['agreeing']} of {m['factors']} | {', '.join(off) if off else '—'} |" + loso_cells(loso, name))
    s = summary(sets)
    out.append(f"| **mean / total of {s['n']}** | | | | **{s['meanF1']:.4f}** | {s['meanPolarity']:.4f} | {s['meanDoc']:.4f} | "
               f"**{s['agree']} of {s['factors']}** | {s['n'] - s['whole']} sets off somewhere |"
               + (f" {loso['meanF1']:.4f} | {loso['matrix'][0]} of {loso['matrix'][1]} |" if loso else ""))
    out.append("")
    out.append(f"F1 ≥ {F1_TARGET} (bold) on {s['atF1']} of {s['n']} sets (lowest {s['minF1']:.3f}); polarity ≥ {POLARITY_TARGET} on "
               f"{s['atPolarity']} of {s['n']} (lowest {s['minPolarity']:.3f}); every factor in the labelled quadrant on "
               f"{s['whole']} of {s['n']}. A quadrant written `a/b` is borderline (likely `a`, possibly `b`); `insufficient` "
               f"is fewer than 30 mentions.")
    if "demo" in sets:
        by = {}
        for r in sets["demo"]["matrix"]["rows"]:
            by.setdefault(r["pipeline"].get("quadrant") or "insufficient", []).append(
                r["factor"] + (f" (borderline: {r['pipeline']['alternative']})" if r["pipeline"].get("alternative") else "")
                + ("" if r["agrees"] else f" [labels: {quadrant(r['labelled'])}]"))
        told = "; ".join(f"**{q}** {', '.join(fs)}" for q, fs in by.items() if q in ("fix", "promote", "maintain", "watch"))
        out.append("")
        out.append(f"The demo's matrix (issue 11's own example, `samples/demo`, brand `{sets['demo']['matrix']['brand']}`, rules alone): "
                   f"{told}; too few mentions to place: {', '.join(by.get('insufficient', [])) or 'none'}. "
                   f"{sets['demo']['matrix']['agreeing']} of {sets['demo']['matrix']['factors']} agree with the labelled answer.")
    return out


def perfactor_block(sets):
    out = ["| factor | labelled | found | tp | fp | fn | **P** | R | F1 | polarity of found (n) | P ≥ 0.75 |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    tp = fp = fn = 0
    for factor, s, p, r, f1, pol in pooled(sets):
        tp += s["tp"]; fp += s["fp"]; fn += s["fn"]
        ok = "yes" if p is not None and p >= PRECISION_FLOOR else f"**no** (−{PRECISION_FLOOR - p:.3f})" if p is not None else "—"
        out.append(f"| {factor} | {s['tp'] + s['fn']} | {s['tp'] + s['fp']} | {s['tp']} | {s['fp']} | {s['fn']} | "
                   f"**{f3(p)}** | {f3(r)} | {f3(f1)} | {f3(pol)} ({s['pol_n']}) | {ok} |")
    p, r = tp / (tp + fp), tp / (tp + fn)
    out.append(f"| **all factors (pooled micro)** | {tp + fn} | {tp + fp} | {tp} | {fp} | {fn} | **{p:.3f}** | {r:.3f} | "
               f"{2 * p * r / (p + r):.3f} | | |")
    return out


def verdict(value, target, higher=True):
    if value is None:
        return "not measured"
    gap = value - target if higher else target - value
    return "met" if gap >= 0 else f"**missed by {-gap:.3f}**"


def polarity_verdict(sets, s, loso, blind_mean):
    if min(s["meanPolarity"], loso["meanPolarity"], blind_mean) < POLARITY_TARGET:
        return "**missed** on the means"
    under = [f"{n} {d['polarity']['accuracy']:.3f}" for n, d in sets.items()
             if d["polarity"]["accuracy"] is not None and d["polarity"]["accuracy"] < POLARITY_TARGET]
    return "met" + (f" on the means and {s['n'] - len(under)} of {s['n']} sets; under: {', '.join(under)}" if under else " on every set")


def targets_block(sets, h, measured_loso=None):
    s = summary(sets)
    worst = min(((f, p) for f, _, p, _, _, _ in pooled(sets) if p is not None), key=lambda x: x[1])
    under = [f"{f} {p:.3f}" for f, _, p, _, _, _ in pooled(sets) if p is not None and p < PRECISION_FLOOR]
    loso, blind = (measured_loso or h["loso"]), h["blind"]
    b = blind["stories"]
    names = list(b)

    def pair(key, fmt="{:.3f}"):
        return " / ".join(fmt.format(b[n]["shipped"][key]) for n in names) + " (rules alone " + \
            " / ".join(fmt.format(b[n]["rules"][key]) for n in names) + ")"

    bm = lambda key: sum(b[n]["shipped"][key] for n in names) / len(names)
    out = [f"| issue 11's target | dev: {s['n']} labelled sets, rules alone (today, `scripts/stories.sh`) | dev: with the shipped "
           f"detector, leave one story out ({loso['when']}) | last blind pair at its look ({blind['when']}: {', '.join(names)}; "
           f"as shipped, rules alone in brackets) | met? |",
           "|---|---|---|---|---|"]
    out.append(
        f"| matrix: every factor in the labelled quadrant, every story | {s['agree']} of {s['factors']} factors; all agree on "
        f"{s['whole']} of {s['n']} sets | {loso['matrix'][0]} of {loso['matrix'][1]} factors | "
        + " / ".join(f"{b[n]['shipped']['matrix'][0]} of {b[n]['shipped']['matrix'][1]}" for n in names)
        + " (" + " / ".join(f"{b[n]['rules']['matrix'][0]} of {b[n]['rules']['matrix'][1]}" for n in names) + ") | "
        f"**missed**: {s['factors'] - s['agree']} factors off on dev (rules), "
        f"{sum(b[n]['shipped']['matrix'][1] - b[n]['shipped']['matrix'][0] for n in names)} on the blind pair |")
    out.append(
        f"| detection micro-F1 ≥ {F1_TARGET} | mean {s['meanF1']:.3f}; ≥ {F1_TARGET} on {s['atF1']} of {s['n']} | mean "
        f"{loso['meanF1']:.3f} (rules {loso['rulesF1']:.3f})"
        + (f"; higher than the rules on {loso['better'][0]} of {loso['better'][1]}" if loso.get("better") else "")
        + f" | {pair('f1')} | dev: rules {verdict(s['meanF1'], F1_TARGET)}, with the "
        f"detector {verdict(loso['meanF1'], F1_TARGET)}; blind (mean) {verdict(bm('f1'), F1_TARGET)} |")
    out.append(
        f"| no factor with precision < {PRECISION_FLOOR} (pooled) | lowest {worst[0]} {worst[1]:.3f}"
        + (f"; under: {', '.join(under)}" if under else "; none under") +
        f" | lowest {loso['lowestPrecision']['factor']} {loso['lowestPrecision']['value']:.3f} | {blind['precision']} | "
        f"dev: rules {verdict(worst[1], PRECISION_FLOOR)} ({worst[0]}), with the detector "
        f"{verdict(loso['lowestPrecision']['value'], PRECISION_FLOOR)} |")
    out.append(
        f"| polarity accuracy of detected mentions ≥ {POLARITY_TARGET} | mean {s['meanPolarity']:.3f}; ≥ {POLARITY_TARGET} on "
        f"{s['atPolarity']} of {s['n']} | mean {loso['meanPolarity']:.3f} | {pair('polarity')} | "
        f"{polarity_verdict(sets, s, loso, bm('polarity'))} |")
    out += ["", "| issue 11's other targets (public data, speed; not per story) | figure | met? |", "|---|---|---|"]
    for row in h["other"]:
        out.append(f"| {row['target']} | {row['figure']} | {row['met']} |")
    return out


def replace(text, name, lines):
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    i, j = text.find(begin), text.find(end)
    if i < 0 or j < i:
        sys.exit(f"the card has no {begin} … {end} block")
    return text[:i + len(begin)] + "\n" + "\n".join(lines) + "\n" + text[j:]


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--card", default="ml-models/factors/README.md")
    a.add_argument("--stories", required=True, help="a directory of evaluate-story --json files, one per labelled set")
    a.add_argument("--loso", help="the saved text output of `listening evaluate-factors-loso` (replaces headline.json's loso figures "
                                  "and adds the detector's leave-one-story-out columns to the per-story table)")
    a.add_argument("--headline", help="the figures no story file holds (default: headline.json next to the card)")
    a.add_argument("--check", action="store_true", help="fail if the card's blocks differ from what the files say")
    args = a.parse_args()
    sets = load(args.stories)
    with open(args.headline or os.path.join(os.path.dirname(args.card), "headline.json"), encoding="utf-8") as f:
        h = json.load(f)
    with open(args.card, encoding="utf-8") as f:
        card = f.read()
    loso = load_loso(args.loso) if args.loso else None
    new = replace(card, "targets", targets_block(sets, h, loso))
    new = replace(new, "stories", stories_block(sets, loso))
    new = replace(new, "perfactor", perfactor_block(sets))
    if args.check:
        if new != card:
            sys.exit("the factors card's headline blocks differ from the measured files: run without --check")
        print("the card's headline blocks agree with the files")
        return
    with open(args.card, "w", encoding="utf-8") as f:
        f.write(new)
    s = summary(sets)
    print(f"{args.card}: {s['n']} sets, mean F1 {s['meanF1']:.4f}, polarity {s['meanPolarity']:.4f}, matrix {s['agree']} of {s['factors']}")


if __name__ == "__main__":
    main()
