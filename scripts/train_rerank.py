#!/usr/bin/env python3
"""Fits the passage reranker's linear model (src/answer/rerank_weights.rs).

    wenjin eval --squad ../shared/eval/DRCD_dev.json --passages drcd.passages
    wenjin eval --squad ../shared/eval/cmrc2018_dev.json --passages cmrc.passages
    python3 scripts/train_rerank.py drcd.passages cmrc.passages --out src/answer/rerank_weights.rs

Each file holds a JSON line naming its columns ({"columns": [...]}), then little-endian f32
rows: question, whether the passage is the right one, the gate (another entity or year), then
the features of src/answer/rerank.rs (`Ranked::features`, named in src/eval/dumps.rs
PASSAGE_COLUMNS). Columns are read by name.
A passage's score is its gate times the weighted sum of its features; the weights are kept
non-negative (every feature grows with a likelier passage), so the gate always cuts the score.
The model is a softmax over each question's retrieved passages, the right ones its target,
fitted by full-batch Adam with L2.
Before fitting on everything it reports top-1 and top-5 held out: each half of each file's
questions (different articles) scored by the model fitted on the other halves, beside the
hand-weighted evidence score. Needs numpy (the benchmark virtualenv has it).
"""
import argparse

import numpy as np

import train_reader  # the softmax fit they share (same folder)

# The reranker's features, in the order of its weights (src/answer/rerank_weights.rs).
FEATURES = [
    "bm25_share", "bm25_rank", "coverage", "best_sentence", "trigrams", "fourgrams",
    "title_named", "title_share", "second_sentence", "log_length", "log_bm25",
    "paragraph_start", "terms_touched",
]
# The hand-weighted evidence score (src/answer/rerank.rs W_BM25, W_COVERAGE, W_SENTENCE).
EVIDENCE_WEIGHTS = {"bm25_share": 0.4, "coverage": 0.25, "best_sentence": 0.35}
EVIDENCE = np.array([EVIDENCE_WEIGHTS.get(f, 0.0) for f in FEATURES], dtype=np.float32)


def load(path, offset):
    at, a = train_reader.read_columns(path)
    q, y, gate = train_reader.take(path, at, a, ["question", "right", "gate"]).T
    x = train_reader.take(path, at, a, FEATURES)
    # The gate multiplies every feature: score = gate * (x @ w) = (gate * x) @ w.
    return q.astype(np.int64) + offset, y, x * gate[:, None]


def fit(x, q, y, r, l2=1e-3):
    return train_reader.fit(x, q, y, r, l2=l2, steps=500, fixed={}, nonneg=True)


def top(q, y, s):
    """Top-1 and top-5 over the questions (a question without rows counts as missed by the
    caller's denominator)."""
    order = np.lexsort((-s, q))
    qs, ys = q[order], y[order]
    starts = np.r_[0, np.flatnonzero(np.diff(qs)) + 1]
    rank = np.arange(len(qs)) - np.repeat(starts, np.diff(np.r_[starts, len(qs)]))
    t1 = np.zeros(qs.max() + 1, bool)
    t5 = np.zeros(qs.max() + 1, bool)
    t1[qs[(rank == 0) & (ys > 0)]] = True
    t5[qs[(rank < 5) & (ys > 0)]] = True
    present = np.unique(qs)
    return t1[present].sum(), t5[present].sum(), len(present)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--news", nargs="*", default=[],
                    help="own news question sets' passages (`eval --questions --passages`), "
                    "fitted beside the SQuAD sets, each question weighing --news-weight")
    ap.add_argument("--news-weight", type=float, default=1.0)
    ap.add_argument("--out")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--folds", help="also write each fold's weights to DIR/rerank{0,1}.rs "
                    "(fold 0 is fitted on the second halves; for scripts/held_out.sh)")
    args = ap.parse_args()
    sets, offset = [], 0
    files = [(f, 1.0) for f in args.files] + [(f, args.news_weight) for f in args.news]
    for f, weight in files:
        q, y, x = load(f, offset)
        offset = q.max() + 1
        sets.append((q, y, x, np.full(len(q), weight, np.float32)))
    halves = [s[0] >= np.median(np.unique(s[0])) for s in sets]
    for fold in (False, True):
        tr = [np.r_[tuple(s[k][h != fold] for s, h in zip(sets, halves))] for k in range(4)]
        w = fit(tr[2], tr[0], tr[1], tr[3], l2=args.l2)
        if args.folds:
            write_weights(w, f"{args.folds}/rerank{int(fold)}.rs")
        for (f, _), (q, y, x, _), h in zip(files, sets, halves):
            m = h == fold
            for name, s in (("evidence", x[m] @ EVIDENCE), ("learned", x[m] @ w)):
                t1, t5, n = top(q[m], y[m], s)
                print(f"held out half {int(fold)}, {f}, {name}: top-1 {t1} top-5 {t5} of {n}")
    q, y, x, r = (np.r_[tuple(s[k] for s in sets)] for k in range(4))
    w = fit(x, q, y, r, l2=args.l2)
    print("weights:", " ".join(f"{v:.3f}" for v in w))
    if args.out:
        write_weights(w, args.out)


def write_weights(w, path):
    with open(path, "w") as out:
        out.write("//! Weights of the passage reranker's linear model, written by "
                  "`scripts/train_rerank.py`.\n\n")
        out.write("/// One weight per feature of the reranker, in the order of `Ranked::features`.\n")
        out.write(f"pub const W: [f32; {len(w)}] = "
                  f"[{', '.join(f'{v:.4f}' for v in w)}];\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
