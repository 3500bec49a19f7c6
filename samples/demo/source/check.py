#!/usr/bin/env python3
"""Validates samples/demo/feedback.jsonl and samples/demo/labels.jsonl (one hand label per line, same order,
same source + externalId; factor ids of the default taxonomy; valid polarities) and prints the composition,
the hand-labelled factor mentions per brand (n, pos/neu/neg, net, r with the outcome) and the action matrix
the PRODUCT.md method builds from the labels. Exit code 1 when a line is invalid.
The shared checks live in samples/stories/storylib.py."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'stories'))
import storylib  # noqa: E402

FEEDBACK = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'feedback.jsonl')
LABELS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(FEEDBACK), 'labels.jsonl')
# The spec lines must parse (7 fields, known sentiment and factor codes) before anything else.
for name in sorted(os.listdir(HERE)):
    if name.endswith('.txt'):
        list(storylib.parse_spec(os.path.join(HERE, name)))
sys.exit(storylib.run_check(FEEDBACK, LABELS, 'lavka', ['megamart', 'quickbasket']))
