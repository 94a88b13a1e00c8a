#!/usr/bin/env bash
# Are two builds' outputs byte-identical? For refactors that must not change behaviour.
#
#   scripts/compare_outputs.sh OLD_BINARY NEW_BINARY [WORK_DIR]
#
# Both binaries answer the same questions (the own question files, the first 300 of each dev
# set, a few hostile lines) with `ask --json` over the bundled corpus and ../shared/corpus,
# `explain --json` for the first 20, and run `eval --squad --report` on DRCD and CMRC dev. Every
# build is pinned to one core: with two, tantivy's writer threads split the documents between
# segments differently from run to run, and BM25 scores differ in their last bits even between
# two runs of the same binary. Exits non-zero when any output differs. About 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1"); new=$(realpath "$2")
work=${3:-$(mktemp -d)}
mkdir -p "$work"
questions=$work/questions.txt
python3 - "$questions" <<'PY'
import json, sys, glob
out = open(sys.argv[1], "w", encoding="utf-8")
for f in sorted(glob.glob("tests/questions/*.jsonl")):
    for line in open(f, encoding="utf-8"):
        if line.strip():
            out.write(json.loads(line)["question"] + "\n")
for f in ["../shared/eval/DRCD_dev.json", "../shared/eval/cmrc2018_dev.json"]:
    qs = [q["question"] for a in json.load(open(f, encoding="utf-8"))["data"]
          for p in a["paragraphs"] for q in p["qas"]][:300]
    out.write("".join(" ".join(q.split()) + "\n" for q in qs))
out.write("\n😀😀\n商湯 AND 2022 OR \"虧損\"\n商汤2022年亏损多少\n那雲從科技呢？\n")
PY
run() {
  local bin=$1 out=$2
  mkdir -p "$out"
  for c in bundled shared; do
    local corpus=corpus
    [ $c = shared ] && corpus=../shared/corpus
    local flags=(--index-memory 16 --corpus "$corpus" --index "$out/index-$c")
    taskset -c 0 "$bin" "${flags[@]}" index > /dev/null 2>&1
    "$bin" "${flags[@]}" ask --json < "$questions" > "$out/ask-$c.jsonl" 2>/dev/null
    head -20 "$questions" | while IFS= read -r q; do
      [ -n "$q" ] && "$bin" "${flags[@]}" explain --json "$q" 2>/dev/null
    done > "$out/explain-$c.jsonl"
    rm -rf "$out/index-$c"
  done
  for set in DRCD_dev cmrc2018_dev; do
    taskset -c 0 "$bin" --index "$out/unused" eval --squad "../shared/eval/$set.json" --json \
      --report "$out/$set.report" > "$out/$set.json" 2>/dev/null
  done
}
run "$old" "$work/old"
run "$new" "$work/new"
status=0
for f in $(cd "$work/old" && ls); do
  if cmp -s "$work/old/$f" "$work/new/$f"; then
    echo "same       $f ($(wc -l < "$work/old/$f") lines)"
  else
    echo "DIFFERENT  $f"; status=1
  fi
done
exit $status
