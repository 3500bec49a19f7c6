#!/usr/bin/python3
"""k-means over fastText word vectors: `kmeans.py vectors.vec K` prints `stem<TAB>class` lines, ordinal by stem.

The vectors are L2-normalised first, so the clusters group words by the direction of their contexts (cosine), not by
how frequent they are. MiniBatchKMeans with a fixed seed: the same vectors give the same classes.
"""
import sys

import numpy as np
from sklearn.cluster import MiniBatchKMeans


def main(path, k):
    words, rows = [], []
    with open(path, encoding="utf-8") as f:
        next(f)  # "count dim"
        for line in f:
            parts = line.rstrip("\n").rstrip(" ").split(" ")
            if parts[0] == "</s>" or len(parts) < 3:
                continue
            words.append(parts[0])
            rows.append([float(x) for x in parts[1:]])
    x = np.asarray(rows, dtype=np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    kmeans = MiniBatchKMeans(n_clusters=k, random_state=0, batch_size=4096, n_init=3, max_iter=200).fit(x)
    labels = kmeans.predict(x)
    out = sys.stdout
    out.write(f"# stem\tclass: {len(words)} stems, {k} classes (scripts/clusters/train.sh)\n")
    for word, label in sorted(zip(words, labels)):
        out.write(f"{word}\t{int(label)}\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
