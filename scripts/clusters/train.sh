#!/usr/bin/env bash
# Word classes for the learned factor detector (ml-models/factors/word-classes.tsv.gz; ml-models/factors/README.md).
# Offline and reproducible: the texts of every shared corpus (train.tsv's text column, all folders, sorted by name),
# read into the detector's own words by `listening word-stems` (the tokenizer's stems, numbers as #), skip-gram
# vectors by Debian's fasttext (with THREADS=1, the default, and a fixed seed the same corpora give the same vectors;
# more threads are faster and differ run to run), then k-means
# (python3-sklearn, fixed seed) into K classes. Neither tool is needed to train or run the detector: only the output.
#   apt-get install fasttext python3-sklearn   (Debian's python3, /usr/bin/python3, is the one with sklearn)
#   LISTENING_DATASETS=../shared/datasets scripts/clusters/train.sh        (K=4096 by default; K=1024 OUT=... for another)
# The stems, not the surface words: the detector hashes stems, so each class is keyed by exactly what it reads, and the
# inflected forms of a Russian word share one vector instead of splitting its contexts six ways.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${LISTENING_DATASETS:?set LISTENING_DATASETS to the shared datasets folder}
K=${K:-4096}
DIM=${DIM:-100}
MIN_COUNT=${MIN_COUNT:-5}
EPOCHS=${EPOCHS:-5}
THREADS=${THREADS:-1}
OUT=${OUT:-ml-models/factors/word-classes.tsv.gz}
LISTENING=${LISTENING:-functions/Listening/bin/Release/net10.0/listening}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"

if [[ ! -s "$WORK/corpus.txt" ]]; then
  for f in $(ls "$DATA"/*/train.tsv | sort); do tail -n +2 "$f" | cut -f3; done | "$LISTENING" word-stems > "$WORK/corpus.txt"
fi
echo "corpus: $(wc -l < "$WORK/corpus.txt") texts, $(wc -w < "$WORK/corpus.txt") words" >&2
if [[ ! -s "$WORK/vectors.vec" ]]; then
  fasttext skipgram -input "$WORK/corpus.txt" -output "$WORK/vectors" -dim "$DIM" -minCount "$MIN_COUNT" -epoch "$EPOCHS" \
    -minn 0 -maxn 0 -thread "$THREADS" -seed 1 -verbose 2 >&2
fi
/usr/bin/python3 scripts/clusters/kmeans.py "$WORK/vectors.vec" "$K" | gzip -n -9 > "$OUT"
echo "$OUT: $(zcat "$OUT" | grep -vc '^#') words in $K classes ($(stat -c %s "$OUT") bytes); work files in $WORK" >&2
