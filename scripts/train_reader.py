#!/usr/bin/env python3
"""Fits the reader's linear model (src/answer/reader/weights.rs) on candidate spans.

    wenjin eval --squad ../shared/eval/DRCD_dev.json --spans drcd.spans
    wenjin eval --squad ../shared/eval/cmrc2018_dev.json --spans cmrc.spans
    python3 scripts/train_reader.py drcd.spans cmrc.spans --out src/answer/reader/weights.rs \
        --trees src/answer/models/reader_forest.txt

Each file holds a JSON line naming its columns ({"columns": [...]}), then little-endian f32
rows: question, exact match, F1, the span's classes (CLASSES), the dense features
(DENSE_FEATURES). Columns are read by name; the names below must be the code's
(src/answer/reader/features.rs, whose test compares them with this file). The model is a
softmax over the spans of each question (the classic feature-based reader), fitted by
full-batch Adam with L2. Before fitting on all files, it reports held-out exact match for each
file with the model fitted on the others, so the figures can be read as cross-set (train on
DRCD, test on CMRC and the reverse).
With `--trees FILE.txt` it also fits the second stage: a gradient-boosted forest (LightGBM,
lambdarank) that re-scores the SHORTLIST spans the linear model ranks highest for each question,
and writes it as data (the format of src/answer/reader/forest_file.rs), with LightGBM's own
predictions for a few real rows beside it (FILE.checks); after a retrain, pin the new forest's
exact scores with `cargo test --lib rewrite_forest_scores -- --ignored`. The forest sees the six
classes as categories and the dense features as numbers; the FIXED constraints stay linear,
added to the forest's output.
Needs numpy (the benchmark virtualenv has it) and, for --trees, lightgbm
(`.venv/bin/pip install lightgbm`).
"""
import argparse
import json
import os

import numpy as np

# The span's classes (src/answer/reader/features.rs CLASSES), then its dense features
# (Feature), in the code's order.
CLASSES = [
    "ask_class", "last_pos", "length_bucket",
    "first_pos", "prev_border", "next_border",
]
DENSE_FEATURES = [
    "sentence_coverage", "best_sentence", "best_passage", "passage_share",
    "question_chars", "near_left", "near_right", "window_matched",
    "left_anchor", "right_anchor", "gap_exact", "in_gap",
    "ends_with_head", "head_last_char", "typed", "typed_score",
    "typed_overlap", "quoted", "break_before", "break_after",
    "copula_before", "de_after", "has_digit", "log_words",
    "has_de", "matched_inside", "matched_before", "matched_after",
    "breaks_inside", "chars", "copula_definition", "anchor_copula",
    "mirror_before_3", "mirror_before", "mirror_after_3", "mirror_after",
    "mirror_both", "last_in_head", "has_head", "coverage_share",
    "verb_before", "noun_first", "whole_clause", "log_distance",
    "listed", "list_for_list", "copula_mirrored", "sentence_matched",
    "typed_pick", "in_typed_pick", "shape", "date_parts",
    "respective_year", "other_year", "other_entity", "has_entity",
    "counted_follows", "cuts_token", "cuts_unit", "cuts_list",
    "all_in_question",
]
LABELS = ["question", "exact", "f1"]
DENSE, KINDS, POS, LENGTHS, BORDERS = len(DENSE_FEATURES), 12, 8, 10, 47


def read_columns(path):
    """The columns of a spans or passages file by name, and its rows."""
    with open(path, "rb") as f:
        try:
            columns = json.loads(f.readline())["columns"]
        except (ValueError, KeyError, TypeError):
            raise SystemExit(f"{path}: no header line naming the columns (written by an older "
                             "wenjin? write it again with `wenjin eval --spans/--passages`)")
        a = np.frombuffer(f.read(), dtype="<f4").reshape(-1, len(columns))
    return {c: i for i, c in enumerate(columns)}, a


def take(path, at, a, names):
    missing = [n for n in names if n not in at]
    if missing:
        raise SystemExit(f"{path}: no columns {missing} (written by another version of wenjin?)")
    return a[:, [at[n] for n in names]]


def load(path, offset):
    at, a = read_columns(path)
    q, em, f1 = take(path, at, a, LABELS).T
    ints = take(path, at, a, CLASSES).astype(int)
    dense = take(path, at, a, DENSE_FEATURES)
    return q.astype(np.int64) + offset, em, f1, ints, dense


# The sparse tables after the dense features: (name, rows, columns, column of ints used as row
# or None, column used as column).
TABLES = [("POS", KINDS, POS, 0, 1), ("LENGTH", KINDS, LENGTHS, 0, 2), ("FIRST", KINDS, POS, 0, 3),
          ("PREV", None, BORDERS, None, 4), ("NEXT", None, BORDERS, None, 5)]


# Dense features weighted again per question class (src/answer/reader/features.rs CROSSED).
CROSSED = [
    "near_left", "near_right", "mirror_before_3", "mirror_after",
    "last_in_head", "copula_before", "quoted", "typed_pick",
    "shape", "sentence_coverage",
]
CROSSED_AT = [DENSE_FEATURES.index(n) for n in CROSSED]


def design(ints, dense):
    n = len(dense)
    width = DENSE + sum((r or 1) * c for _, r, c, _, _ in TABLES) + KINDS * len(CROSSED)
    x = np.zeros((n, width), dtype=np.float32)
    x[:, :DENSE] = dense
    at = DENSE
    for _, rows, cols, rcol, ccol in TABLES:
        row = ints[:, rcol] if rcol is not None else 0
        x[np.arange(n), at + row * cols + ints[:, ccol]] = 1.0
        at += (rows or 1) * cols
    for k, i in enumerate(CROSSED_AT):
        x[np.arange(n), at + ints[:, 0] * len(CROSSED) + k] = dense[:, i]
    return x


def group_softmax(scores, q):
    # q sorted ascending; per-group log-sum-exp.
    starts = np.r_[0, np.flatnonzero(np.diff(q)) + 1]
    mx = np.maximum.reduceat(scores, starts)
    sizes = np.diff(np.r_[starts, len(q)])
    e = np.exp(scores - np.repeat(mx, sizes))
    z = np.add.reduceat(e, starts)
    return e / np.repeat(z, sizes), starts, sizes


# Constraints the dev sets hardly exercise but the product's news depends on keep fixed weights:
# the year a "respectively" list gives the span, another year or company governing it. (A
# passage about another year or company must not win.) Likewise the thing an amount question
# counts following the figure. Another year weighs more than the reader's margin for leaving the
# first passage (READER_MARGIN, 4), so that the second passage's figure for the asked year beats
# the first passage's figure for another year.
FIXED = {"respective_year": 3.0, "other_year": -6.0, "other_entity": -3.0, "counted_follows": 2.0}
# The same by position in the dense features (and in the design matrix, which starts with them).
FIXED_AT = {DENSE_FEATURES.index(n): v for n, v in FIXED.items()}


def fit(x, q, y, r, l2=1e-3, steps=300, lr=0.05, fixed=FIXED_AT, nonneg=False):
    """Softmax over each question's rows, the right ones (y > 0) its target, by full-batch Adam
    with L2; each question weighs its rows' weight `r`. `fixed` weights stay as given; `nonneg`
    keeps the others at or above zero."""
    # Only questions with a right row teach anything.
    has = np.zeros(q.max() + 1, bool)
    has[q[y > 0]] = True
    keep = has[q]
    x, q, y, r = x[keep], q[keep], y[keep], r[keep]
    w = np.zeros(x.shape[1], np.float32)
    for c, v in fixed.items():
        w[c] = v
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        p, starts, sizes = group_softmax(x @ w, q)
        # Target: the right spans, weighted by their share of probability.
        py = p * y
        zy = np.add.reduceat(py, starts)
        target = py / np.repeat(zy, sizes)
        g = x.T @ ((p - target) * r) / r[starts].sum() + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        if nonneg:
            np.maximum(w, 0.0, out=w)
        for c, val in fixed.items():
            w[c] = val
    return w


def evaluate(x, q, em, f1, w, s=None):
    if s is None:
        s = x @ w
    order = np.lexsort((-s, q))
    first = np.r_[True, np.diff(q[order]) != 0]
    best = order[first]
    return em[best].mean(), f1[best].mean(), len(best)


# Second stage: how many of the linear model's best spans per question the forest re-scores,
# and its size (written into the forest's file).
SHORTLIST = 30
FOREST = dict(objective="lambdarank", learning_rate=0.05, num_leaves=31, min_data_in_leaf=50,
              lambdarank_truncation_level=10, feature_fraction=0.8, bagging_fraction=0.8,
              bagging_freq=1, seed=7, deterministic=True, num_threads=2, verbose=-1)
ROUNDS = 400


def fixed_part(dense):
    s = np.zeros(len(dense), np.float32)
    for c, v in FIXED_AT.items():
        s += v * dense[:, c]
    return s


def shortlist(q, s, k=SHORTLIST):
    """The k best rows of each question by s (ties in row order, as Rust's stable sort)."""
    order = np.lexsort((np.arange(len(q)), -s, q))
    qs = q[order]
    starts = np.r_[0, np.flatnonzero(np.diff(qs)) + 1]
    rank = np.arange(len(qs)) - np.repeat(starts, np.diff(np.r_[starts, len(qs)]))
    out = np.zeros(len(q), bool)
    out[order[rank < k]] = True
    return out


def forest_rows(ints, dense):
    return np.hstack([ints.astype(np.float32), dense])


def fit_forest(x, q, em, r, ints, dense, w):
    import lightgbm as lgb
    top = shortlist(q, x @ w)
    has = np.zeros(q.max() + 1, bool)
    has[q[(em > 0) & top]] = True
    keep = top & has[q]
    q, em, r, ints, dense = q[keep], em[keep], r[keep], ints[keep], dense[keep]
    o = np.argsort(q, kind="stable")
    q, em, r, ints, dense = q[o], em[o], r[o], ints[o], dense[o]
    sizes = np.diff(np.r_[np.flatnonzero(np.r_[True, np.diff(q) != 0]), len(q)])
    # Unweighted when every question weighs the same, so the forest is LightGBM's own.
    weight = None if np.all(r == 1) else r
    ds = lgb.Dataset(forest_rows(ints, dense), em.astype(int), group=sizes, weight=weight,
                     init_score=fixed_part(dense), categorical_feature=list(range(len(CLASSES))))
    # The trees may use the FIXED features but only in the direction of their weight, so they
    # cannot undo a constraint (the dev sets' questions rarely need them; follow-ups do).
    mono = [0] * (len(CLASSES) + DENSE)
    for c, v in FIXED_AT.items():
        mono[len(CLASSES) + c] = 1 if v > 0 else -1
    return lgb.train(dict(FOREST, monotone_constraints=mono), ds, ROUNDS)


def evaluate_two_stage(x, q, em, f1, ints, dense, w, booster):
    top = shortlist(q, x @ w)
    s = np.full(len(q), -np.inf)
    s[top] = booster.predict(forest_rows(ints[top], dense[top])) + fixed_part(dense[top])
    return evaluate(None, q, em, f1, None, s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--news", nargs="*", default=[],
                    help="own news question sets' spans (`eval --questions --spans`), fitted "
                    "beside the SQuAD sets, each question weighing --news-weight")
    ap.add_argument("--news-weight", type=float, default=1.0)
    ap.add_argument("--out")
    ap.add_argument("--trees")
    ap.add_argument("--folds", help="also write each fold's models to DIR/weights{0,1}.rs and "
                    "DIR/reader_forest{0,1}.txt, to measure the held-out halves end to end")
    args = ap.parse_args()
    sets = []
    files = [(f, 1.0) for f in args.files] + [(f, args.news_weight) for f in args.news]
    for i, (f, weight) in enumerate(files):
        q, em, f1, ints, dense = load(f, i * 10_000_000)
        x = design(ints, dense)
        r = np.full(len(q), weight, np.float32)
        sets.append((f, x, q, em, f1, ints, dense, r))
        oracle = np.zeros(q.max() + 1, bool)
        oracle[q[em > 0]] = True
        print(f"{f}: {len(np.unique(q))} questions with spans, {len(q)} spans, "
              f"a right span among them for {oracle[np.unique(q)].mean():.3f}")
    stages = ["linear"] + (["linear + forest"] if args.trees else [])
    # Two folds: the first and the second half of every file's questions (different articles).
    # Each half is scored by models fitted on the other halves only.
    halves = [(s[2] >= np.median(np.unique(s[2]))) for s in sets]
    held = {(f, st): [] for f, *_ in sets for st in stages}
    for fold in (False, True):
        part = lambda k: [s[k][h != fold] for s, h in zip(sets, halves)]
        xt, qt, et, it, dt, rt = (np.vstack(part(1)), np.concatenate(part(2)),
                                  np.concatenate(part(3)), np.vstack(part(5)),
                                  np.vstack(part(6)), np.concatenate(part(7)))
        w = fit(xt, qt, et, rt)
        booster = fit_forest(xt, qt, et, rt, it, dt, w) if args.trees else None
        if args.folds:
            write_weights(w, f"{args.folds}/weights{int(fold)}.rs")
            if booster is not None:
                write_forest(booster, f"{args.folds}/reader_forest{int(fold)}.txt", sets)
        for (f, x, q, em, f1, ints, dense, _), h in zip(sets, halves):
            m = h == fold
            held[(f, "linear")].append(evaluate(x[m], q[m], em[m], f1[m], w))
            if booster is not None:
                held[(f, "linear + forest")].append(
                    evaluate_two_stage(x[m], q[m], em[m], f1[m], ints[m], dense[m], w, booster))
    for (f, st), parts in held.items():
        n = sum(p[2] for p in parts)
        e = sum(p[0] * p[2] for p in parts) / n
        f_ = sum(p[1] * p[2] for p in parts) / n
        print(f"held out (2 folds), {st}, {f}: EM {e:.3f} F1 {f_:.3f} over {n} questions with spans")
    every = lambda k: [s[k] for s in sets]
    x, q, y, r = np.vstack(every(1)), np.concatenate(every(2)), np.concatenate(every(3)), \
        np.concatenate(every(7))
    w = fit(x, q, y, r)
    booster = None
    if args.trees:
        booster = fit_forest(x, q, y, r, np.vstack(every(5)), np.vstack(every(6)), w)
    for f, xs, qs, em, f1, ints, dense, _ in sets:
        e, f_, n = evaluate(xs, qs, em, f1, w)
        print(f"fitted on all, linear, {f}: EM {e:.3f} F1 {f_:.3f}")
        if booster is not None:
            e, f_, n = evaluate_two_stage(xs, qs, em, f1, ints, dense, w, booster)
            print(f"fitted on all, linear + forest, {f}: EM {e:.3f} F1 {f_:.3f}")
    if booster is not None:
        write_forest(booster, args.trees, sets)
    if args.out:
        write_weights(w, args.out)


def write_weights(w, path):
    fmt = lambda xs: ", ".join(f"{v:.4f}" for v in xs)
    with open(path, "w") as out:
        out.write("//! Weights of the reader's linear model, written by `scripts/train_reader.py`.\n")
        out.write("#![allow(clippy::approx_constant, clippy::excessive_precision)]\n\n")
        out.write(f"/// Dense feature weights.\npub const DENSE: [f32; {DENSE}] = [{fmt(w[:DENSE])}];\n")
        at = DENSE
        for name, rows, cols, _, _ in TABLES:
            block = w[at:at + (rows or 1) * cols]
            at += (rows or 1) * cols
            out.write(f"/// {name} table.\n")
            if rows is None:
                out.write(f"pub const {name}: [f32; {cols}] = [{fmt(block)}];\n")
            else:
                out.write(f"pub const {name}: [[f32; {cols}]; {rows}] = [\n")
                for r in block.reshape(rows, cols):
                    out.write(f"    [{fmt(r)}],\n")
                out.write("];\n")
        block = w[at:].reshape(KINDS, len(CROSSED))
        out.write(f"/// CROSS table (dense features of CROSSED, per question class).\n")
        out.write(f"pub const CROSS: [[f32; {len(CROSSED)}]; {KINDS}] = [\n")
        for r in block:
            out.write(f"    [{fmt(r)}],\n")
        out.write("];\n")
    print(f"wrote {path}")


def write_forest(booster, path, sets):
    """Flattens the forest into arrays: a node's child is another node (>= 0) or a leaf (!leaf,
    < 0); a numeric node sends x <= threshold left, a categorical one the classes in its mask."""
    nodes, leaves, roots = [], [], []

    def walk(t):
        if "leaf_value" in t:
            leaves.append(t["leaf_value"])
            return ~(len(leaves) - 1)
        at = len(nodes)
        nodes.append(None)
        if t["decision_type"] == "==":
            mask = 0
            for c in str(t["threshold"]).split("||"):
                assert 0 <= int(c) < 64
                mask |= 1 << int(c)
            kind, thr = 1, 0.0
        else:
            assert t["decision_type"] == "<=", t["decision_type"]
            kind, thr, mask = 0, float(t["threshold"]), 0
        # The features are never missing, so missing-value routing never applies.
        assert t["missing_type"] in ("None", "NaN"), t["missing_type"]
        left, right = walk(t["left_child"]), walk(t["right_child"])
        nodes[at] = (t["split_feature"], kind, thr, mask, left, right)
        return at

    for info in booster.dump_model()["tree_info"]:
        roots.append(walk(info["tree_structure"]))

    def predict(row):
        total = 0.0
        for r in roots:
            n = r
            while n >= 0:
                f, kind, thr, mask, left, right = nodes[n]
                v = row[f]
                go_left = (v <= thr) if kind == 0 else (v >= 0 and int(v) < 64 and mask >> int(v) & 1)
                n = left if go_left else right
            total += leaves[~n]
        return total

    # Check the flattening against LightGBM on real rows, and keep a few for the Rust test.
    _, _, _, _, _, ints, dense, _ = sets[0]
    rows = forest_rows(ints[:2000:97], dense[:2000:97])
    want = booster.predict(rows)
    got = np.array([predict(r) for r in rows])
    assert np.allclose(want, got, atol=1e-6), np.abs(want - got).max()
    # Floats in their shortest round-trip form, so that Rust reads back the very same values.
    fmt = lambda v: repr(float(v))
    with open(path, "w") as out:
        out.write("# The reader's second stage, a gradient-boosted forest written by\n")
        out.write("# `scripts/train_reader.py --trees` (LightGBM lambdarank, "
                  f"{len(roots)} trees of up to {FOREST['num_leaves']} leaves).\n")
        out.write("# Format: src/answer/reader/forest_file.rs.\n")
        out.write("wenjin-forest 1\n")
        out.write(f"shortlist {SHORTLIST}\n")
        out.write(f"columns {' '.join(CLASSES + DENSE_FEATURES)}\n")
        for name, v in FIXED.items():
            out.write(f"fixed {name} {fmt(v)}\n")
        out.write(f"roots {len(roots)}\n")
        out.writelines(f"{r}\n" for r in roots)
        out.write(f"nodes {len(nodes)}\n")
        for f, kind, thr, mask, left, right in nodes:
            split = f"in {mask:#x}" if kind else f"<= {fmt(thr)}"
            out.write(f"{f} {split} {left} {right}\n")
        out.write(f"leaves {len(leaves)}\n")
        out.writelines(f"{fmt(v)}\n" for v in leaves)
    # Rows and LightGBM's predictions for them: a prediction, then the row.
    with open(os.path.splitext(path)[0] + ".checks", "w") as out:
        for r, p in zip(rows, want):
            out.write(f"{fmt(p)} {' '.join(fmt(v) for v in r)}\n")
    print(f"wrote {path}: {len(roots)} trees, {len(nodes)} nodes, {len(leaves)} leaves")

if __name__ == "__main__":
    main()
