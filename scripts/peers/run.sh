#!/usr/bin/env bash
# Peers side by side (issue 12): trains scikit-learn TF-IDF + logistic regression / linear SVM and
# fastText on exactly the rows our `train` uses, scores the same honest and random splits, and prints
# the table beside our figures (ml-models/sentiment/evaluation.json).
#   scripts/peers/run.sh [DATASETS] [OUT_DIR] [--leave-one-out]
# Installs Debian's fasttext and python3-sklearn when missing (apt only: no pip).
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:-${LISTENING_DATASETS:-$(cd .. && pwd)/shared/datasets}}"
out="${2:-/tmp/listening-peers}"
only="honest,random"
leave=()
if [[ "${3:-}" == "--leave-one-out" ]]; then only="honest,random,leave-out"; leave=(--leave-one-out); fi

if ! command -v fasttext >/dev/null || ! /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fasttext python3-sklearn >/dev/null
fi

dotnet build functions/Listening -c Release -v q -nologo 2>&1 | grep -E "error|Error" || true
rm -rf "$out"
functions/Listening/bin/Release/net10.0/listening evaluate --model ml-models/sentiment/model.zip --data "$data" --export "$out" "${leave[@]}"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/peers/peers.py "$out" --only "$only" \
  --ours ml-models/sentiment/evaluation.json --out "$out/table.md"
