#!/usr/bin/env python3
"""Validates samples/stories/tickets/feedback.jsonl and labels.jsonl and prints the composition, the
hand-labelled factor mentions per brand and the action matrix the PRODUCT.md method builds from the labels.
Exit code 1 when a line is invalid."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..'))
import storylib  # noqa: E402

FEEDBACK = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'feedback.jsonl')
LABELS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(FEEDBACK), 'labels.jsonl')
sys.exit(storylib.run_check(FEEDBACK, LABELS, 'bilet', ['afishka', 'tribuna']))
