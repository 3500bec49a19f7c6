#!/usr/bin/env bash
# Everything the test suite needs beyond the .NET SDK, installed only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=()
# (each feature adds its own: chromium for the report, postfix for smtp-sink, ...)
[ -x /usr/sbin/smtp-sink ] || need_apt+=(postfix)   # responses: a real SMTP server on loopback
if ((${#need_apt[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
