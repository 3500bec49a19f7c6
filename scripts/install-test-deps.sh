#!/usr/bin/env bash
# Everything the test suite needs beyond the .NET SDK, installed only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=()
# (each feature adds its own: chromium for the report, postfix for smtp-sink, ...)
# The report is opened in headless Chromium (tests/Listening.Tests/Reports).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# Cosmos DB protocol server for the Cosmos store tests (Node 20 is on the machine).
[ -f tests/.tools/node_modules/@vercel/cosmosdb-server/package.json ] || npm install --prefix tests/.tools --no-save --no-package-lock --no-audit --no-fund --loglevel=error @vercel/cosmosdb-server@1.0.1 >/dev/null
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)   # SqliteSharedFileTests: another process on the same SQLite file
[ -x /usr/sbin/smtp-sink ] || need_apt+=(postfix)   # responses: a real SMTP server on loopback
if ((${#need_apt[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
