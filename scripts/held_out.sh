#!/usr/bin/env bash
# Measures the reranker, the reader and the answerability model end to end on questions their
# models never saw: builds wenjin once with each fold's models (written by
# `scripts/train_rerank.py ... --folds DIR`, `scripts/train_reader.py ... --folds DIR` and
# `scripts/train_answerable.py ... --folds DIR`), answers both dev sets with each build, and
# scores every question with the build that was fitted on the other half.
#
#   wenjin eval --squad ../shared/eval/DRCD_dev.json --passages W/drcd.passages
#   wenjin eval --squad ../shared/eval/cmrc2018_dev.json --passages W/cmrc.passages
#   .venv/bin/python scripts/train_rerank.py W/drcd.passages W/cmrc.passages --folds W
#   wenjin eval --squad ../shared/eval/DRCD_dev.json --spans W/drcd.spans
#   wenjin eval --squad ../shared/eval/cmrc2018_dev.json --spans W/cmrc.spans
#   .venv/bin/python scripts/train_reader.py W/drcd.spans W/cmrc.spans --trees W/reader_forest.txt --folds W
#   .venv/bin/python scripts/train_answerable.py --answered ... --unanswered ... --folds W
#   scripts/held_out.sh W
#
# The shipped models are put back afterwards (also on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
w=$(realpath "$1")
eval_dir=../shared/eval
keep=$(mktemp -d)
# The models under src/answer/ (their file names are distinct).
models="reader/weights.rs models/reader_forest.txt rerank_weights.rs answerable_weights.rs"
for m in $models; do cp "src/answer/$m" "$keep"/; done
restore() { for m in $models; do cp "$keep/$(basename "$m")" "src/answer/$m"; done; }
trap restore EXIT
for f in 0 1; do
  cp "$w/weights$f.rs" src/answer/reader/weights.rs
  cp "$w/reader_forest$f.txt" src/answer/models/reader_forest.txt
  cp "$w/rerank$f.rs" src/answer/rerank_weights.rs
  cp "$w/answerable$f.rs" src/answer/answerable_weights.rs
  cargo build --release --quiet
  cp target/release/wenjin "$w/wenjin-fold$f"
done
restore
# Leave target/release/wenjin built from the shipped models, not from the last fold's.
cargo build --release --quiet
for f in 0 1; do
  "$w/wenjin-fold$f" eval --squad $eval_dir/DRCD_dev.json --report "$w/drcd.fold$f.jsonl" >/dev/null
  "$w/wenjin-fold$f" eval --squad $eval_dir/cmrc2018_dev.json --report "$w/cmrc.fold$f.jsonl" >/dev/null
done
python3 - "$w" <<'PY'
import json, statistics, struct, sys
w = sys.argv[1]
for name in ("drcd", "cmrc"):
    with open(f"{w}/{name}.spans", "rb") as spans:
        columns = json.loads(spans.readline())["columns"]
        data = spans.read()
    row, at = len(columns) * 4, columns.index("question") * 4
    qs = sorted({int(struct.unpack_from("<f", data, i + at)[0]) for i in range(0, len(data), row)})
    median = statistics.median(qs)
    tot = dict(top1=0.0, top5=0.0, em=0.0, f1=0.0)
    n = 0
    for fold in (0, 1):
        for k, line in enumerate(open(f"{w}/{name}.fold{fold}.jsonl")):
            # Fold 0 was fitted on the second half of the questions, so it scores the first.
            if (k >= median) == bool(fold):
                r = json.loads(line)
                n += 1
                for m in tot:
                    tot[m] += float(r[m])
    print(f"{name}: held out end to end over {n} questions: " +
          " / ".join(f"{m} {v / n:.3f}" for m, v in tot.items()))
PY
