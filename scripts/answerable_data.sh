#!/usr/bin/env bash
# Writes the training data of scripts/train_answerable.py into DIR: each dev set's questions
# asked of its own paragraphs (drcd.report, cmrc.report) and of the other dev set's paragraphs,
# which do not hold their articles (cmrc-on-drcd.report, drcd-on-cmrc.report). Then:
#
#   .venv/bin/python scripts/train_answerable.py --answered DIR/drcd.report DIR/cmrc.report \
#       --unanswered DIR/cmrc-on-drcd.report DIR/drcd-on-cmrc.report \
#       --out src/answer/answerable_weights.rs --folds DIR
#
# Uses target/release/wenjin (cargo build --release first); about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
w=$(realpath "$1")
mkdir -p "$w"
eval_dir=../shared/eval
wenjin=target/release/wenjin
python3 - "$w" "$eval_dir" <<'PY'
import json, os, sys
w, eval_dir = sys.argv[1], sys.argv[2]
for name, f in (("drcd", "DRCD_dev.json"), ("cmrc", "cmrc2018_dev.json")):
    os.makedirs(f"{w}/{name}-corpus", exist_ok=True)
    with open(f"{w}/{name}-corpus/squad.jsonl", "w", encoding="utf-8") as corpus, \
         open(f"{w}/{name}-questions.jsonl", "w", encoding="utf-8") as questions:
        for d in json.load(open(f"{eval_dir}/{f}", encoding="utf-8"))["data"]:
            for p in d["paragraphs"]:
                text = p["context"].replace("\n\n", "\n")
                corpus.write(json.dumps({"id": p["id"], "title": d["title"], "text": text},
                                        ensure_ascii=False) + "\n")
                for qa in p["qas"]:
                    questions.write(json.dumps({"question": qa["question"], "answers": []},
                                               ensure_ascii=False) + "\n")
PY
$wenjin eval --squad $eval_dir/DRCD_dev.json --report "$w/drcd.report" --json
$wenjin eval --squad $eval_dir/cmrc2018_dev.json --report "$w/cmrc.report" --json
$wenjin --corpus "$w/drcd-corpus" eval --questions "$w/cmrc-questions.jsonl" \
    --report "$w/cmrc-on-drcd.report" --json
$wenjin --corpus "$w/cmrc-corpus" eval --questions "$w/drcd-questions.jsonl" \
    --report "$w/drcd-on-cmrc.report" --json
echo "questions answered although the corpus lacks their articles:" \
    "$(grep -c '"found":true' "$w/cmrc-on-drcd.report") of CMRC's over DRCD," \
    "$(grep -c '"found":true' "$w/drcd-on-cmrc.report") of DRCD's over CMRC"
