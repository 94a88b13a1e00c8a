#!/usr/bin/env python3
"""Fits the answerability model (src/answer/answerable_weights.rs): whether the corpus answers
a question at all, once the evidence threshold has let it through.

    wenjin eval --squad ../shared/eval/DRCD_dev.json --report drcd.report
    wenjin eval --squad ../shared/eval/cmrc2018_dev.json --report cmrc.report
    wenjin --corpus DRCD-AS-CORPUS eval --questions CMRC-QUESTIONS --report cmrc-on-drcd.report
    wenjin --corpus CMRC-AS-CORPUS eval --questions DRCD-QUESTIONS --report drcd-on-cmrc.report
    python3 scripts/train_answerable.py --answered drcd.report cmrc.report \\
        --unanswered cmrc-on-drcd.report drcd-on-cmrc.report --out src/answer/answerable_weights.rs

Positives are the questions of a dev set asked of its own paragraphs; negatives are the same
kind of questions asked of the other dev set's paragraphs, which do not hold their articles.
Only questions the evidence threshold let through count (those with `"answerable"` features in
the report, whatever the model then decided): the model decides among those. The model is a logistic regression over `"answerable"` (src/answer/answerable.rs); its
bias is shifted so that a score below 0 rejects, keeping `--keep` of the training positives.

Before fitting on everything it reports, held out (each half of each file, the first and
second half of its questions, scored by the model fitted on the other halves), how many
positives and exact matches are kept and how many negatives are still answered. With
`--folds DIR` it also writes each half's model to DIR/answerable{0,1}.rs for
scripts/held_out.sh (fold 0 is fitted on the second halves). Needs numpy.
"""
import argparse
import json

import numpy as np


def load(path, label):
    """Rows of (features, label, exact match, second half) of the questions of a report that
    passed the evidence threshold. Exact match is the answer's own; a question the shipped model
    rejected has none, so refit from reports of a build whose model let everything through
    (`B` = 1e9 in src/answer/answerable_weights.rs) to count the exact matches kept."""
    recs = [json.loads(line) for line in open(path, encoding="utf-8")]
    median = (len(recs) - 1) / 2
    rows = []
    for k, r in enumerate(recs):
        if r.get("answerable") is not None:
            rows.append((r["answerable"], label, int(bool(r.get("em"))), k >= median))
    return rows


def fit(x, y, l2=1e-3, steps=3000, lr=0.1):
    """Logistic regression by full-batch Adam on standardized features; returns (w, b) for
    the raw features."""
    mu, sd = x.mean(0), x.std(0) + 1e-6
    z = (x - mu) / sd
    w, b = np.zeros(z.shape[1]), 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    for t in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        g = z.T @ (p - y) / len(y) + l2 * w
        gb = (p - y).mean()
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        b -= lr * (mb / (1 - 0.9**t)) / (np.sqrt(vb / (1 - 0.999**t)) + 1e-8)
    return w / sd, b - (mu / sd) @ w


def fit_shifted(x, y, keep):
    """The model with its bias shifted so that `keep` of the positives score at least 0."""
    w, b = fit(x, y)
    cut = np.quantile(x[y == 1] @ w + b, 1 - keep)
    return w, b - cut


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--answered", nargs="+", required=True)
    ap.add_argument("--unanswered", nargs="+", required=True)
    ap.add_argument("--keep", type=float, default=0.99)
    ap.add_argument("--out")
    ap.add_argument("--folds")
    args = ap.parse_args()
    files = [(f, 1) for f in args.answered] + [(f, 0) for f in args.unanswered]
    parts = [(f, np.array(load(f, label), dtype=object)) for f, label in files]
    x = np.array([r[0] for _, rows in parts for r in rows], dtype=np.float64)
    y = np.array([r[1] for _, rows in parts for r in rows], dtype=np.float64)
    em = np.array([r[2] for _, rows in parts for r in rows])
    second = np.array([r[3] for _, rows in parts for r in rows], dtype=bool)
    source = np.array([f for f, rows in parts for _ in rows])
    kept = np.zeros(len(y), dtype=bool)
    for fold in (False, True):
        w, b = fit_shifted(x[second != fold], y[second != fold], args.keep)
        if args.folds:
            write_weights(w, b, f"{args.folds}/answerable{int(fold)}.rs")
        m = second == fold
        kept[m] = x[m] @ w + b >= 0
    for f, _ in files:
        s = source == f
        print(f"held out, {f}: found {s.sum()}, still answered {(kept & s).sum()}, "
              f"exact matches {(em[s] == 1).sum()} -> {(kept & s & (em == 1)).sum()}")
    w, b = fit_shifted(x, y, args.keep)
    print("weights:", " ".join(f"{v:.3f}" for v in w), f"bias {b:.3f}")
    if args.out:
        write_weights(w, b, args.out)


def write_weights(w, b, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("//! Weights of the answerability model, written by "
                  "`scripts/train_answerable.py`.\n\n")
        out.write("/// One weight per feature of the answerability model, in the order of its "
                  "`features`.\n")
        out.write(f"pub const W: [f32; {len(w)}] = "
                  f"[{', '.join(f'{v:.5f}' for v in w)}];\n")
        out.write("/// Bias, shifted so that a score below 0 means the corpus does not answer.\n")
        out.write(f"pub const B: f32 = {b:.5f};\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
