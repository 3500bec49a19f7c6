#!/usr/bin/env bash
# End to end (accepted → scored → responded) throughput and memory over many items.
# Usage: bench/soak.sh [items=200000]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-200000}
dotnet build functions/Listening/Listening.csproj -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
data=$(mktemp -d); port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet functions/Listening/bin/Release/net10.0/listening.dll serve --port "$port" --data-dir "$data" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null; do sleep 0.2; done
tick=$(getconf CLK_TCK); before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
python3 bench/soak.py --port "$port" --pid "$pid" --items "$items"
after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
python3 -c "print(f'serve CPU: {($after - $before) / $tick:.0f} s = {1e6 * ($after - $before) / $tick / $items:.0f} µs per item end to end')"
ls -la "$data"/listening.db* | awk '{print "store:", $5, $9}'
uptime
