#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Labelled data lives outside the repository (../shared/datasets in CI).
export LISTENING_DATASETS="${LISTENING_DATASETS:-$(cd .. && pwd)/shared/datasets}"

scripts/install-test-deps.sh

# Warnings are errors through Directory.Build.props (-warnaserror here would reach the worker SDK's generated
# extensions project and fail it on NU1603).
dotnet build Listening.sln -c Release 2>&1 | tail -3
log=$(mktemp)
set +e
dotnet test Listening.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line over all test assemblies.
awk '/(Passed|Failed)! +-/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
