#!/usr/bin/env bash
# Import benchmark (the long run the test suite no longer does): N generated CSV rows through `listening import` into a
# fresh data dir — parse, validate, store and queue — then the same file again (every row a duplicate).
# Usage: bench/import.sh [rows=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
dotnet build functions/Listening/Listening.csproj -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$rows" > "$work/reviews.csv" <<'PY'
import sys
n = int(sys.argv[1])
print("id;name;date;stars;review")
for i in range(1, n + 1):
    kind = "kind" if i % 2 == 0 else "rude"
    print(f'r{i};Author {i % 5000};2026-{1 + i % 12:02}-{1 + i % 28:02};{1 + i % 5};"Review {i}: delivery took {i % 9} days, staff were {kind}; quality, price ""ok"""')
PY
run() {
  local start end
  start=$(date +%s.%N)
  dotnet functions/Listening/bin/Release/net10.0/listening.dll import "$work/reviews.csv" --brand bench --source csv-export \
    --delimiter ';' --map text=review --map rating=stars --data-dir "$work/data" 2>&1 | grep -E "accepted|rejected" | tail -1
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'  {int(sys.argv[3]):,} rows in {s:.1f} s = {int(sys.argv[3])/s:,.0f} rows/s (process start included)')" "$start" "$end" "$rows"
}
echo "first import:"; run
echo "again (all duplicates):"; run
