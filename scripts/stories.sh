#!/usr/bin/env bash
# Every hand-labelled story through `listening evaluate-story`, one line each: detection micro-F1, polarity of the
# detected mentions, document-sentiment macro-F1 and matrix agreement, then the mean F1 and the total agreement.
# The brand of a story is its most frequent brand; the others are its competitors.
#   scripts/stories.sh                       # the demo and every story under samples/stories
#   scripts/stories.sh samples/stories/bank  # some of them
#   LISTENING=path/to/listening scripts/stories.sh   # another build (default: this checkout's Release build)
#   LEARNED=true scripts/stories.sh samples/stories/X # with the learned detector (Listening:Scoring:LearnedFactors, the pipeline's default since round 16)
#   JSON=DIR scripts/stories.sh              # also keep each story's `evaluate-story --json` as DIR/<story>.json
#                                            # (scripts/factors-headline.py writes the factors card's tables from them)
# The rules alone (--learned false) unless LEARNED says otherwise, although the pipeline runs with the detector: the shipped
# detector is trained on every story here, so on them its figures are in-sample; only a story it was not trained on (a new
# blind story, or leave-one-story-out: evaluate-factors-loso) measures it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${LISTENING:-$root/functions/Listening/bin/Release/net10.0/listening}"
[ -x "$bin" ] || { echo "build first: dotnet build -c Release functions/Listening" >&2; exit 2; }
if [ $# -eq 0 ]; then set -- "$root/samples/demo" "$root"/samples/stories/*/; fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
printf '%-12s %6s %8s %8s %8s\n' story F1 polarity doc-F1 matrix
for dir in "$@"; do
  dir="${dir%/}"; name="$(basename "$dir")"
  read -r brand competitors < <(python3 - "$dir/feedback.jsonl" <<'PY'
import json, sys, collections
counts = collections.Counter(json.loads(line).get("brand") for line in open(sys.argv[1], encoding="utf-8") if line.strip())
ranked = [b for b, _ in counts.most_common()]
print(ranked[0], " ".join("--competitor " + b for b in ranked[1:]))
PY
)
  # shellcheck disable=SC2086
  "$bin" evaluate-story --in "$dir/feedback.jsonl" --labels "$dir/labels.jsonl" --brand "$brand" $competitors --learned "${LEARNED:-false}" --json > "$tmp/$name.json"
  if [ -n "${JSON:-}" ]; then mkdir -p "$JSON"; cp "$tmp/$name.json" "$JSON/$name.json"; fi
  python3 - "$tmp/$name.json" "$name" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d["matrix"]
print(f'{sys.argv[2]:<12} {d["detection"]["microF1"]:6.3f} {d["polarity"]["accuracy"]:8.3f} {d["sentiment"]["macroF1"]:8.3f} {m["agreeing"]:>5}/{m["factors"]:<2}')
PY
done | tee "$tmp/table"
python3 - "$tmp/table" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
f1 = [float(r[1]) for r in rows]
agree = [tuple(map(int, r[4].split("/"))) for r in rows]
print(f'{"mean/total":<12} {sum(f1)/len(f1):6.3f} {"":8} {"":8} {sum(a for a,_ in agree):>5}/{sum(m for _,m in agree)}')
PY
