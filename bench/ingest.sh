#!/usr/bin/env bash
# Ingest benchmark: single-item POSTs against `listening serve` with wrk, the whole pipeline running behind it.
# Usage: [BENCH_AUTHORS=1] [BENCH_WARMUP=5s] [BENCH_CHECKOUT=dir] [BENCH_STATEMENTS=1] bench/ingest.sh [duration=30s] [connections=16] [threads=2]
#   BENCH_AUTHORS=1: every item has its own author. BENCH_WARMUP: the unmeasured load before the run (default 5s, as in
#   every figure before 2026-12-06 afternoon); tiered JIT keeps recompiling hot methods for about a minute under load, so
#   BENCH_WARMUP=60s measures the steady state of a long-running server, the default includes part of its warm-up.
#   BENCH_CHECKOUT: serve another checkout's Release build (already built) with this script, for A/B runs of two versions.
#   BENCH_STATEMENTS=1 (root, perf): count the writer thread's SQLite statements (sqlite3_step calls) and WAL frames
#   (walWriteOneFrame) with uprobes on the served build's libe_sqlite3.so. Each hit traps into the kernel (a few µs of
#   the writer's CPU), so compare CPU per item only between runs that both count or both do not.
# Prints wrk's figures, then the time for the pipeline to drain, the serve process's CPU time per item and that of its
# SQLite writer thread (the one thread every write goes through), what that thread wrote per item (the WAL, and the
# database file when a commit runs the automatic checkpoint); with
# dotnet-counters installed (`dotnet tool install --global dotnet-counters`) also what it allocated per item, its GC
# pauses and the exceptions it threw, over the same window.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$PWD/bench
duration=${1:-30s}; connections=${2:-16}; threads=${3:-2}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ -n "${BENCH_CHECKOUT:-}" ]; then cd "$BENCH_CHECKOUT"
else dotnet build functions/Listening/Listening.csproj -c Release -v q -nologo 2>&1 | grep -E "error|Warn" || true; fi
counters=$(command -v dotnet-counters || ls ~/.dotnet/tools/dotnet-counters 2>/dev/null || true)
data=$(mktemp -d); port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet functions/Listening/bin/Release/net10.0/listening.dll serve --port "$port" --data-dir "$data" >"$data/serve.log" 2>&1 &
pid=$!
cpid=
trap 'kill $pid $cpid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null; do sleep 0.2; done
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
writer=$(grep -lx sqlite-writer /proc/$pid/task/*/comm | head -1 | cut -d/ -f5)
wcpu() { awk '{print $14 + $15}' "/proc/$pid/task/$writer/stat"; }
wio() { awk '{printf "%s ", $2}' "/proc/$pid/task/$writer/io"; }
probes=
if [ -n "${BENCH_STATEMENTS:-}" ]; then
  lib=$PWD/functions/Listening/bin/Release/net10.0/runtimes/linux-x64/native/libe_sqlite3.so
  perf probe -q -d 'listening_bench:*' 2>/dev/null || true
  perf probe -q -x "$lib" -a 'listening_bench:step=sqlite3_step' -a 'listening_bench:frame=walWriteOneFrame' && probes=1
  trap 'kill $pid $cpid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"; [ -z "$probes" ] || perf probe -q -d "listening_bench:*"' EXIT
fi
io() { awk '{printf "%s ", $2}' "/proc/$pid/io"; } # rchar wchar syscr syscw read_bytes write_bytes cancelled_write_bytes
drain() { until curl -s "http://127.0.0.1:$port/api/status" | grep -q '"drained":true'; do sleep 0.2; done; }
responded() { curl -s "http://127.0.0.1:$port/api/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"]["byStage"]["responded"])'; }
# Warm-up (JIT, caches), not measured.
wrk -t"$threads" -c"$connections" -d"${BENCH_WARMUP:-5s}" -s "$bench/ingest.lua" "http://127.0.0.1:$port" >/dev/null; drain
if [ -n "$counters" ]; then
  "$counters" collect -p "$pid" --counters System.Runtime --refresh-interval 1 --format csv -o "$data/counters.csv" >/dev/null 2>&1 &
  cpid=$!; sleep 2
fi
spid=
if [ -n "$probes" ]; then perf stat -x, -e 'listening_bench:step,listening_bench:frame' -t "$writer" -o "$data/probes.csv" & spid=$!; sleep 0.5; fi
warm=$(responded); tick=$(getconf CLK_TCK); before=$(cpu); wbefore=$(wcpu); io0=$(io); wio0=$(wio); start=$(date +%s.%N)
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$bench/ingest.lua" "http://127.0.0.1:$port" | grep -E "Latency|50%|99%|Requests/sec|accepted/s|Socket errors"
drain
end=$(date +%s.%N); after=$(cpu); wafter=$(wcpu); io1=$(io); wio1=$(wio)
if [ -n "$spid" ]; then kill -INT "$spid"; wait "$spid" 2>/dev/null || true; fi
items=$(( $(responded) - warm ))
if [ -n "$cpid" ]; then kill -TERM "$cpid" 2>/dev/null; wait "$cpid" 2>/dev/null || true; cpid=; fi
python3 - "$items" "$before" "$after" "$tick" "$start" "$end" "$data/counters.csv" "$io0" "$io1" "$wbefore" "$wafter" "$wio0" "$wio1" "$data/probes.csv" <<'PY'
import csv, datetime, os, sys
items, before, after, tick, start, end = int(sys.argv[1]), *map(float, sys.argv[2:7])
io = [(b - a) / items for a, b in zip(map(int, sys.argv[8].split()), map(int, sys.argv[9].split()))]
cpu = (after - before) / tick
print(f"pipeline: {items} items accepted→responded in {end - start:.1f} s ({items / (end - start):.0f} items/s wall)")
print(f"serve CPU: {cpu:.1f} s = {1e6 * cpu / items:.0f} µs per item end to end ({items / cpu:.0f} items per CPU-second)")
writer = (float(sys.argv[11]) - float(sys.argv[10])) / tick
print(f"writer thread CPU: {writer:.1f} s = {1e6 * writer / items:.0f} µs per item ({100 * writer / cpu:.0f} % of the process)")
# Machine-independent: what the process asked of the kernel per item (files and sockets alike).
print(f"I/O per item: {io[2]:.1f} read calls ({io[0] / 1024:.1f} kB), {io[3]:.1f} write calls ({io[1] / 1024:.1f} kB)")
wio = [(b - a) / items for a, b in zip(map(int, sys.argv[12].split()), map(int, sys.argv[13].split()))]
print(f"writer thread I/O per item: {wio[3]:.1f} write calls ({wio[1] / 1024:.1f} kB), {wio[2]:.1f} read calls ({wio[0] / 1024:.1f} kB)")
if os.path.exists(sys.argv[14]):
    hits = {row[2].split(":")[-1]: float(row[0]) for row in csv.reader(open(sys.argv[14])) if len(row) > 2 and row[0].replace(".", "").isdigit()}
    print(f"writer thread per item: {hits.get('step', 0) / items:.2f} SQLite statements (sqlite3_step), {hits.get('frame', 0) / items:.2f} WAL frames")
if os.path.exists(sys.argv[7]):
    # Per-second increments inside the measured window (the counters' clock is local time, second resolution).
    t0, t1 = (datetime.datetime.fromtimestamp(x).replace(microsecond=0) for x in (start, end))
    sums = {}
    for row in csv.reader(open(sys.argv[7])):
        try: at = datetime.datetime.strptime(row[0], "%m/%d/%Y %H:%M:%S")
        except (ValueError, IndexError): continue
        if t0 < at <= t1: sums[row[2]] = sums.get(row[2], 0.0) + float(row[4] or 0)
    def total(prefix): return sum(v for k, v in sums.items() if k.startswith(prefix))
    print(f"allocated: {total('dotnet.gc.heap.total_allocated') / items / 1024:.1f} kB per item; "
          f"GC: {total('dotnet.gc.collections')/ (end - start):.1f} collections/s, pauses {100 * total('dotnet.gc.pause.time') / (end - start):.1f} % of the time; "
          f"exceptions: {total('dotnet.exceptions') / items:.2f} per item")
PY
grep VmHWM "/proc/$pid/status"
# With bench/probe.patch applied and LISTENING_PROBE=1: the tail probe's histograms, one block per 10 s of the run (warm-up
# and drain included; bench/README.md, round 11). The patch is for measuring only, never for a commit.
grep -q -- '--- probe' "$data/serve.log" && grep -A40 -- '--- probe' "$data/serve.log" | grep -E '^(---|[a-z])' || true
